import type { Language } from '../messages/language.js';
import { findGlossaryTerms, type Glossary, type GlossaryEntry } from '../knowledge/glossary.js';

const byForm = new WeakMap<Glossary, Map<string, GlossaryEntry>>();

/**
 * A catalog term (a disease or modality as staff wrote it, usually in Korean) in the reader's
 * language when the glossary knows it as a whole: 뇌졸중 → stroke for an English need. A term
 * the glossary does not know is shown as written.
 */
export function translateTerm(glossary: Glossary, term: string, language: Language): string {
  let forms = byForm.get(glossary);
  if (!forms) {
    forms = new Map();
    for (const entry of glossary.entries) {
      for (const form of [entry.ko, entry.en, ...entry.aliases]) if (!forms.has(key(form))) forms.set(key(form), entry);
    }
    byForm.set(glossary, forms);
  }
  // Keep the catalog's own spelling when it is already in the reader's language (CT, not computed tomography).
  if (/[가-힣]/.test(term) === (language === 'ko')) return term;
  const entry = forms.get(key(term));
  if (entry) return language === 'en' ? entry.en : entry.ko;
  return composedTranslation(glossary, term, language) ?? term;
}

/** "소아 심근염" → "paediatric myocarditis" when glossary terms cover every Korean word of it. */
function composedTranslation(glossary: Glossary, term: string, language: Language): string | undefined {
  const entries = findGlossaryTerms(glossary, term);
  if (entries.length < 2) return undefined;
  let rest = term.toLowerCase();
  for (const entry of entries) {
    for (const form of [entry.ko, entry.en, ...entry.aliases].sort((a, b) => b.length - a.length)) rest = rest.split(form.toLowerCase()).join(' ');
  }
  if (/[가-힣a-z]/.test(rest)) return undefined;
  return entries.map((entry) => (language === 'en' ? entry.en : entry.ko)).join(' ');
}

function key(form: string): string {
  return form.toLowerCase().replace(/\s+/g, '');
}
