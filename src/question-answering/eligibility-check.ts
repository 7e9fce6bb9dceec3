import type { Language } from '../messages/language.js';
import { latestRound, type ProgramFacts } from '../program/program-facts.js';
import type { EligibilityFacts } from '../company-facts/eligibility-facts.js';
import { placeInEnglish } from '../company-facts/places.js';
import { companyAgeOutcome, locationOutcome } from '../company-facts/eligibility-rules.js';
import { textIn } from '../messages/messages.js';
import { withParticleIn } from '../messages/korean-particle.js';

export type RuleOutcome = 'met' | 'not_met' | 'unknown';

export interface RuleCheck {
  rule: 'location' | 'company_type' | 'company_age';
  outcome: RuleOutcome;
  /** One line for the answer, in the asker's language. */
  line: string;
  /** What to ask the founder when the outcome is unknown. */
  missing?: string;
}

export interface EligibilityVerdict {
  outcome: 'eligible' | 'not_eligible' | 'cannot_tell';
  checks: RuleCheck[];
  /** Facts the founder gave that no rule uses (headcount), each with a line saying so. */
  notes: string[];
}

const MARK: Record<RuleOutcome, string> = { met: '✅', not_met: '❌', unknown: '❔' };

/** The stated facts against each rule in knowledge/program.yaml: met, not met or unknown. */
export function checkEligibility(facts: EligibilityFacts, program: ProgramFacts, language: Language): EligibilityVerdict {
  const checks = [locationCheck(facts, program, language), companyTypeCheck(facts, program, language), ageCheck(facts, program, language)];
  const outcome = checks.some((check) => check.outcome === 'not_met')
    ? 'not_eligible'
    : checks.every((check) => check.outcome === 'met')
      ? 'eligible'
      : 'cannot_tell';
  const notes = facts.employees === undefined ? [] : [textIn(language)('qa.headcountNotARule', { count: facts.employees })];
  return { outcome, checks, notes };
}

export function describeVerdict(verdict: EligibilityVerdict, program: ProgramFacts, language: Language): string {
  const t = textIn(language);
  const round = latestRound(program);
  const headline = t({ eligible: 'qa.verdictEligible', not_eligible: 'qa.verdictNotEligible', cannot_tell: 'qa.verdictCannotTell' }[verdict.outcome]);
  const missing = verdict.checks.flatMap((check) => (check.missing ? [check.missing] : []));
  const lines = [
    t('qa.verdictHeadline', { headline, round: round.name[language] }),
    ...verdict.checks.map((check) => `• ${MARK[check.outcome]} ${check.line}`),
    ...verdict.notes.map((note) => `• ${note}`),
  ];
  if (missing.length > 0) lines.push(t('qa.verdictTellMeAlso', { missing: missing.join(', ') }));
  lines.push(t('qa.verdictAskContact', { contact: program.program.contact[language] }));
  return lines.join('\n');
}

/** The rules alone, for "/itda eligibility" without company facts. */
export function describeRules(program: ProgramFacts, language: Language): string {
  const rules = program.eligibility;
  return textIn(language)('qa.eligibilityRules', {
    location: rules.location[language],
    companyTypes: rules.company_types[language],
    years: rules.max_years_since_founding,
    priority: rules.priority[language],
  });
}

function locationCheck(facts: EligibilityFacts, program: ProgramFacts, language: Language): RuleCheck {
  const t = textIn(language);
  const rule = program.eligibility.location[language];
  const named = (place: string) => (language === 'en' ? placeInEnglish(place) : place);
  const inSeoul = facts.places.filter((place) => place.inSeoul).map((place) => named(place.place)).join(t('qa.placesJoiner'));
  const outside = facts.places.filter((place) => !place.inSeoul).map((place) => named(place.place)).join(t('qa.placesJoiner'));
  const outcome = locationOutcome(facts.places);
  if (outcome === 'not_given') {
    return { rule: 'location', outcome: 'unknown', line: t('qa.locationNotGiven', { rule }), missing: t('qa.locationNotGivenMissing') };
  }
  if (outcome === 'in_seoul') return { rule: 'location', outcome: 'met', line: t('qa.locationInSeoul', { rule, placesTopic: withParticleIn(language, inSeoul, '은/는') }) };
  if (outcome === 'outside_seoul') return { rule: 'location', outcome: 'not_met', line: t('qa.locationOutsideSeoul', { rule, placesTopic: withParticleIn(language, outside, '은/는') }) };
  return { rule: 'location', outcome: 'unknown', line: t('qa.locationBoth', { rule, places: outside }), missing: t('qa.locationBothMissing') };
}

function companyTypeCheck(facts: EligibilityFacts, program: ProgramFacts, language: Language): RuleCheck {
  const t = textIn(language);
  const rule = program.eligibility.company_types[language];
  const { size, field } = facts;
  if (size?.kind === 'large') return { rule: 'company_type', outcome: 'not_met', line: t('qa.companyLarge', { rule, sizeTopic: withParticleIn(language, size.said, '은/는') }) };
  if (field?.kind === 'other') return { rule: 'company_type', outcome: 'not_met', line: t('qa.companyOtherField', { rule, field: field.said }) };
  const sizeMissing = t('qa.companySizeMissing');
  const fieldMissing = t('qa.companyFieldMissing');
  if (!size && !field) return { rule: 'company_type', outcome: 'unknown', line: t('qa.companyTypeNotGiven', { rule }), missing: t('qa.companyTypeNotGivenMissing', { sizeMissing, fieldMissing }) };
  if (!size) return { rule: 'company_type', outcome: 'unknown', line: t('qa.companySizeNotGiven', { rule, field: field!.said }), missing: sizeMissing };
  if (!field || field.kind === 'ai') {
    const said = [field?.said, size.said].filter(Boolean).join(' ');
    return { rule: 'company_type', outcome: 'unknown', line: t('qa.companyFieldUnclear', { rule, said }), missing: fieldMissing };
  }
  const startupNote = size.kind === 'startup' ? t('qa.companyStartupNote') : '';
  return { rule: 'company_type', outcome: 'met', line: `${rule}: ${field.said} ${size.said}${startupNote}` };
}

function ageCheck(facts: EligibilityFacts, program: ProgramFacts, language: Language): RuleCheck {
  const t = textIn(language);
  const limit = program.eligibility.max_years_since_founding;
  const rule = t('qa.ageRule', { limit });
  const founding = facts.founding;
  if (!founding) return { rule: 'company_age', outcome: 'unknown', line: t('qa.ageNotGiven', { rule }), missing: t('qa.ageNotGivenMissing') };
  const age = founding.fromYear ? t('qa.ageFromYear', { year: founding.fromYear, years: founding.years }) : t('qa.ageYears', { years: founding.years });
  const ageOutcome = companyAgeOutcome(founding.years, limit);
  if (ageOutcome === 'over') return { rule: 'company_age', outcome: 'not_met', line: t('qa.ageOver', { rule, age, limit }) };
  if (ageOutcome === 'boundary') {
    return { rule: 'company_age', outcome: 'unknown', line: t('qa.ageBoundary', { rule, age }), missing: t('qa.ageBoundaryMissing') };
  }
  return { rule: 'company_age', outcome: 'met', line: t('qa.ageWithin', { rule, age, limit }) };
}
