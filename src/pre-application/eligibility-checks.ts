import type { Language } from '../messages/language.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { companyAgeOutcome, yearsSinceFounding } from '../company-facts/eligibility-rules.js';
import { isInSeoul } from '../company-facts/places.js';
import { text } from '../messages/messages.js';

/**
 * Eligibility warnings while the form is filled. They name the rule from program.yaml and
 * never block: a founder moving to Seoul may still want to draft, and staff decide. The rules
 * themselves are decided in src/company-facts, the same as Q&A's eligibility check.
 */
export function locationWarning(location: string, facts: ProgramFacts, language: Language): string | undefined {
  if (isInSeoul(location)) return undefined;
  const rule = facts.eligibility.location[language];
  return text(language, 'form.locationWarning', { rule, location });
}

export function foundedYearWarning(year: number, facts: ProgramFacts, now: Date, language: Language): string | undefined {
  const maxYears = facts.eligibility.max_years_since_founding;
  const age = yearsSinceFounding(year, now);
  // On the boundary the registered date decides; the form warns only when clearly over.
  if (companyAgeOutcome(age, maxYears) !== 'over') return undefined;
  return text(language, 'form.foundedYearWarning', { maxYears, year, age });
}
