import { z } from 'zod';
import { loadDataFile } from '../data-files/load-data-file.js';

export const GLOSSARY_CATEGORIES = [
  'program',
  'organisation',
  'law',
  'privacy',
  'research',
  'data',
  'modality',
  'disease',
  'specialty',
  'analytics',
  'business',
] as const;

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

const entrySchema = z.object({
  ko: z.string().trim().regex(HANGUL, 'the ko form must contain Korean (Hangul) text'),
  en: z.string().trim().min(1, 'give the English term'),
  aliases: z.array(z.string().trim().min(1, 'an alias cannot be empty')).default([]),
  category: z.enum(GLOSSARY_CATEGORIES, { message: `use one of: ${GLOSSARY_CATEGORIES.join(', ')}` }),
});

export const glossarySchema = z
  .object({
    as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, e.g. 2026-11-28'),
    entries: z.array(entrySchema).min(1, 'list at least one entry'),
  })
  .superRefine((glossary, context) => {
    // One written form must lead to one entry, otherwise a query expands to unrelated terms.
    const owner = new Map<string, number>();
    glossary.entries.forEach((entry, index) => {
      const fields: [string, string, number?][] = [
        ['ko', entry.ko],
        ['en', entry.en],
        ...entry.aliases.map((alias, aliasIndex): [string, string, number] => ['aliases', alias, aliasIndex]),
      ];
      for (const [field, form, aliasIndex] of fields) {
        const key = comparableForm(form);
        const previous = owner.get(key);
        const path = aliasIndex === undefined ? ['entries', index, field] : ['entries', index, field, aliasIndex];
        if (previous === undefined) owner.set(key, index);
        else if (previous === index) {
          context.addIssue({
            code: 'custom',
            path,
            message: `"${form}" is listed twice in this entry (Korean spacing variants are matched automatically); remove one`,
          });
        } else {
          const other = glossary.entries[previous]!;
          context.addIssue({
            code: 'custom',
            path,
            message: `"${form}" already belongs to entry ${previous} (${other.ko} / ${other.en}); keep it in one entry only`,
          });
        }
      }
    });
  });

/** Lowercase; Korean forms also without spaces, because lookup matches both spellings anyway. */
function comparableForm(form: string): string {
  const lowered = form.toLowerCase();
  return HANGUL.test(lowered) ? lowered.replace(/ +/g, '') : lowered;
}

export type Glossary = z.output<typeof glossarySchema>;
export type GlossaryEntry = Glossary['entries'][number];
export type GlossaryCategory = GlossaryEntry['category'];

export const GLOSSARY_FILE = 'glossary.yaml';

export function loadGlossary(file: string): Glossary {
  return loadDataFile(
    file,
    glossarySchema,
    'edit knowledge/glossary.yaml: each entry needs ko (Korean), en (English), optional aliases [..] and a category; ' +
      'every ko, en and alias may appear in only one entry',
  );
}

/** A written form prepared for matching: lowercased once, so lookups never lowercase the glossary again. */
interface PreparedForm {
  text: string;
  entry: GlossaryEntry;
  /** Korean forms match anywhere, because particles attach directly (뇌졸중으로, CT를). */
  wordBounded: boolean;
}

/** The forms starting with one character: one-character forms, and the longer ones by their second character. */
interface FirstCharBucket {
  single: PreparedForm[];
  /** Keyed by the second character's UTF-16 code, like `byFirstChar`. */
  bySecondChar: Map<number, PreparedForm[]>;
}

interface GlossaryIndex {
  /**
   * Forms grouped by their first two characters, so a query only tries forms that can start at
   * each position (by the first alone, an English letter such as "c" had a hundred forms to try).
   * Each group keeps the longest-first order. Keyed by UTF-16 code: `text[i]` of a Korean
   * character is a new string each time (V8 keeps only Latin-1 ones), hashed again for the lookup.
   */
  byFirstChar: Map<number, FirstCharBucket>;
}

const indexes = new WeakMap<Glossary, GlossaryIndex>();

function indexOf(glossary: Glossary): GlossaryIndex {
  const cached = indexes.get(glossary);
  if (cached) return cached;
  const byFirstChar = new Map<string, PreparedForm[]>();
  const add = (text: string, entry: GlossaryEntry) => {
    const wordBounded = !HANGUL.test(text);
    const bucket = byFirstChar.get(text[0]!) ?? [];
    if (!bucket.some((form) => form.text === text)) bucket.push({ text, entry, wordBounded });
    byFirstChar.set(text[0]!, bucket);
  };
  for (const entry of glossary.entries) {
    for (const form of [entry.ko, entry.en, ...entry.aliases]) {
      const text = form.toLowerCase();
      add(text, entry);
      // Korean spacing varies (개인정보 보호법 / 개인정보보호법); the joined spelling is just as common.
      if (!text.includes(' ') || !HANGUL.test(text)) continue;
      add(text.replace(/ +/g, ''), entry);
    }
  }
  const grouped = new Map<number, FirstCharBucket>();
  for (const [first, bucket] of byFirstChar) {
    bucket.sort((a, b) => b.text.length - a.text.length);
    const group: FirstCharBucket = { single: [], bySecondChar: new Map() };
    for (const form of bucket) {
      const second = form.text.charCodeAt(1);
      if (form.text.length === 1) group.single.push(form);
      else group.bySecondChar.set(second, [...(group.bySecondChar.get(second) ?? []), form]);
    }
    grouped.set(first.charCodeAt(0), group);
  }
  const index = { byFirstChar: grouped };
  indexes.set(glossary, index);
  return index;
}

/** /[a-z0-9\u00c0-\u024f]/ by character code (no one-character string per test). */
function isLatinWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0xc0 && code <= 0x24f);
}

const PLURAL_SUFFIXES = ['', 's', 'es'];

/** Length of the match of a form at `start` (`startsWord`: no Latin letter or digit before it), an English one allowing a plural (CTs, tumours); 0 if none. */
function matchLength(text: string, start: number, form: PreparedForm, startsWord: boolean): number {
  // Inside a word an English form cannot start: known before comparing any text.
  if (form.wordBounded && !startsWord) return 0;
  if (!text.startsWith(form.text, start)) return 0;
  if (!form.wordBounded) return form.text.length;
  for (const suffix of PLURAL_SUFFIXES) {
    const end = start + form.text.length + suffix.length;
    if (suffix && !text.startsWith(suffix, start + form.text.length)) continue;
    if (end >= text.length || !isLatinWordChar(text.charCodeAt(end))) return end - start;
  }
  return 0;
}

/**
 * Glossary entries mentioned in the text, in order of first mention. The longest form wins where
 * forms overlap, so 대장내시경 yields colonoscopy and not also 내시경 or 대장.
 */
export function findGlossaryTerms(glossary: Glossary, text: string): GlossaryEntry[] {
  const { byFirstChar } = indexOf(glossary);
  const lowered = text.toLowerCase();
  const taken = new Uint8Array(lowered.length);
  const found = new Map<GlossaryEntry, number>();
  const candidates: { start: number; length: number; entry: GlossaryEntry }[] = [];
  const tryForms = (start: number, forms: PreparedForm[]) => {
    const startsWord = start === 0 || !isLatinWordChar(lowered.charCodeAt(start - 1));
    for (const form of forms) {
      const length = matchLength(lowered, start, form, startsWord);
      if (length > 0) candidates.push({ start, length, entry: form.entry });
    }
  };
  for (let start = 0; start < lowered.length; start += 1) {
    const bucket = byFirstChar.get(lowered.charCodeAt(start));
    if (!bucket) continue;
    // Longer forms before one-character ones, as in the longest-first order of all the forms.
    const longer = start + 1 < lowered.length ? bucket.bySecondChar.get(lowered.charCodeAt(start + 1)) : undefined;
    if (longer) tryForms(start, longer);
    tryForms(start, bucket.single);
  }
  candidates.sort((a, b) => b.length - a.length || a.start - b.start);
  for (const { start, length, entry } of candidates) {
    const firstTaken = taken.indexOf(1, start);
    if (firstTaken !== -1 && firstTaken < start + length) continue;
    taken.fill(1, start, start + length);
    found.set(entry, Math.min(found.get(entry) ?? start, start));
  }
  return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([entry]) => entry);
}

/**
 * Extra search terms for the text: every form of each entry found (its other-language term and
 * its aliases) that the text does not already contain.
 */
export function expandWithGlossary(glossary: Glossary, text: string): string[] {
  const lowered = text.toLowerCase();
  const seen = new Set<string>();
  const expansions: string[] = [];
  for (const entry of findGlossaryTerms(glossary, text)) {
    for (const form of [entry.ko, entry.en, ...entry.aliases]) {
      const key = form.toLowerCase();
      if (seen.has(key) || lowered.includes(key)) continue;
      seen.add(key);
      expansions.push(form);
    }
  }
  return expansions;
}
