import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDataFile } from '../src/data-files/load-data-file.js';
import { detectPersonalData, redactPersonalData, PERSONAL_DATA_KINDS, type PersonalDataKind } from '../src/privacy/index.js';

const kind = z.enum(PERSONAL_DATA_KINDS);
const example = z
  .object({
    text: z.string().min(1),
    expect: z.array(z.partialRecord(kind, z.string().min(1))).optional(),
    lookalike: z.string().min(1).optional(),
    source: z.string().optional(),
  })
  .refine((item) => (item.expect === undefined) !== (item.lookalike === undefined), 'give either `expect` or `lookalike`, not both')
  .refine((item) => (item.expect ?? []).every((entry) => Object.keys(entry).length === 1), 'each `expect` item is one {kind: "value"}')
  .refine((item) => (item.expect ?? []).every((entry) => Object.values(entry).every((value) => item.text.includes(value))), 'each expected value must appear in `text`');
const corpusSchema = z.object({ examples: z.array(example).min(1) });

export type CorpusPart = 'dev' | 'test' | 'holdout';

export interface KindFigures {
  expected: number;
  /** Expected values replaced whole (by one finding of any kind). */
  removed: number;
  /** Findings of this kind that cover no expected value. */
  falsePositives: number;
  recall: number;
  precision: number;
}

export interface SplitScore {
  part: CorpusPart;
  recall: number;
  precision: number;
  /** Share of look-alike sentences the redactor changed at all. */
  lookalikesChanged: number;
  lookalikes: number;
  /** Expected values only partly covered: a fragment of them would survive redaction. */
  fragments: number;
  byKind: Partial<Record<PersonalDataKind, KindFigures>>;
  byLookalike: Record<string, { sentences: number; changed: number }>;
  failures: string[];
}

export function corpusPath(part: CorpusPart): string {
  return fileURLToPath(new URL(`./personal-data-${part}.yaml`, import.meta.url));
}

/**
 * Scores the detector on one part of the outside-style corpus. A value counts as removed
 * only when a single finding covers all of it (a partial cover leaves a fragment, and is
 * counted as a miss); a look-alike sentence counts as changed when redaction alters it.
 */
export function scorePersonalDataSplit(part: CorpusPart, path: string = corpusPath(part)): SplitScore {
  const corpus = loadDataFile(path, corpusSchema, 'each example needs `text` and either `expect: [{kind: "value"}]` or `lookalike: what-it-is`');
  const byKind: Partial<Record<PersonalDataKind, KindFigures>> = {};
  const byLookalike: Record<string, { sentences: number; changed: number }> = {};
  const failures: string[] = [];
  const figures = (name: PersonalDataKind): KindFigures => (byKind[name] ??= { expected: 0, removed: 0, falsePositives: 0, recall: 1, precision: 1 });
  let fragments = 0;
  for (const item of corpus.examples) {
    const findings = detectPersonalData(item.text);
    if (item.lookalike !== undefined) {
      const bucket = (byLookalike[item.lookalike] ??= { sentences: 0, changed: 0 });
      bucket.sentences += 1;
      const redacted = redactPersonalData(item.text).text;
      if (redacted !== item.text) {
        bucket.changed += 1;
        failures.push(`changed look-alike (${item.lookalike}): "${item.text}" → "${redacted}"`);
      }
      for (const finding of findings) figures(finding.kind).falsePositives += 1;
      continue;
    }
    const spans = expectedSpans(item.text, item.expect ?? []);
    for (const span of spans) {
      const entry = figures(span.kind);
      entry.expected += 1;
      const covering = findings.find((finding) => finding.start <= span.start && finding.end >= span.end);
      if (covering) {
        entry.removed += 1;
        if (covering.kind !== span.kind) failures.push(`removed as ${covering.kind}, expected ${span.kind}: "${span.value}"`);
        continue;
      }
      const partial = findings.some((finding) => finding.start < span.end && span.start < finding.end);
      if (partial) fragments += 1;
      failures.push(`${partial ? 'fragment left of' : 'missed'} ${span.kind} "${span.value}" in "${item.text}"`);
    }
    for (const finding of findings) {
      if (spans.some((span) => finding.start < span.end && span.start < finding.end)) continue;
      figures(finding.kind).falsePositives += 1;
      failures.push(`wrongly found ${finding.kind} "${item.text.slice(finding.start, finding.end)}" in "${item.text}"`);
    }
  }
  let expected = 0;
  let removed = 0;
  let falsePositives = 0;
  for (const entry of Object.values(byKind)) {
    entry.recall = entry.expected === 0 ? 1 : entry.removed / entry.expected;
    entry.precision = entry.removed + entry.falsePositives === 0 ? 1 : entry.removed / (entry.removed + entry.falsePositives);
    expected += entry.expected;
    removed += entry.removed;
    falsePositives += entry.falsePositives;
  }
  const lookalikes = Object.values(byLookalike).reduce((sum, bucket) => sum + bucket.sentences, 0);
  const changed = Object.values(byLookalike).reduce((sum, bucket) => sum + bucket.changed, 0);
  return {
    part,
    recall: expected === 0 ? 1 : removed / expected,
    precision: removed + falsePositives === 0 ? 1 : removed / (removed + falsePositives),
    lookalikesChanged: lookalikes === 0 ? 0 : changed / lookalikes,
    lookalikes,
    fragments,
    byKind,
    byLookalike,
    failures,
  };
}

interface Span {
  kind: PersonalDataKind;
  value: string;
  start: number;
  end: number;
}

/** Where each expected value sits; a value listed twice is looked up after the first. */
function expectedSpans(text: string, expect: Partial<Record<PersonalDataKind, string>>[]): Span[] {
  const spans: Span[] = [];
  for (const entry of expect) {
    for (const [name, value] of Object.entries(entry) as [PersonalDataKind, string][]) {
      let from = 0;
      let start = text.indexOf(value, from);
      while (start >= 0 && spans.some((span) => span.start === start)) {
        from = start + 1;
        start = text.indexOf(value, from);
      }
      spans.push({ kind: name, value, start, end: start + value.length });
    }
  }
  return spans;
}
