import { CALL_FACT_FIELDS, readCallFacts, type CallFact, type CallFactField } from './call-facts.js';
import { splitCallSections, type CallSection } from './call-sections.js';
import type { Language } from '../messages/language.js';
import { text } from '../messages/messages.js';

/**
 * What Itda read from a call document and proposes to add (the `ingest --json` contract).
 * A field it could not read is null and listed in `missing`; it is never filled by a guess.
 */
export interface RoundProposal {
  source: string;
  round: { id: string | null; opens: string | null; deadline: string | null; capKrw: number | null; slots: number | null };
  eligibility: { maxYearsSinceFounding: number | null };
  sections: CallSection[];
  missing: CallFactField[];
  /** Each fact with the sentence it came from; a fact staff corrected says so instead. */
  facts: CallFact[];
}

export function proposeRound(source: string, lines: readonly string[]): RoundProposal {
  return withFacts({ source, sections: splitCallSections(lines) }, readCallFacts(lines));
}

/**
 * Applies staff corrections ("deadline=2026-03-27"); a correction replaces the sentence with who
 * set it. The fact keeps `correctedBy`, so each reader sees "(U 수정)" / "(corrected by U)" in
 * their language; `sentence` holds the Korean one for the `ingest --json` output.
 */
export function correctProposal(proposal: RoundProposal, corrections: Partial<Record<CallFactField, string | number>>, by: string): RoundProposal {
  const facts = [...proposal.facts];
  for (const [field, value] of Object.entries(corrections) as [CallFactField, string | number][]) {
    const index = facts.findIndex((fact) => fact.field === field);
    const corrected: CallFact = { field, value, sentence: text('ko', 'rounds.correctedBy', { by }), correctedBy: by };
    if (index >= 0) facts[index] = corrected;
    else facts.push(corrected);
  }
  facts.sort((a, b) => CALL_FACT_FIELDS.indexOf(a.field) - CALL_FACT_FIELDS.indexOf(b.field));
  return withFacts(proposal, facts);
}

function withFacts(base: Pick<RoundProposal, 'source' | 'sections'>, facts: CallFact[]): RoundProposal {
  const value = (field: CallFactField) => facts.find((fact) => fact.field === field)?.value ?? null;
  const asNumber = (field: CallFactField) => (value(field) === null ? null : Number(value(field)));
  const asString = (field: CallFactField) => (value(field) === null ? null : String(value(field)));
  return {
    source: base.source,
    round: {
      id: asString('round.id'),
      opens: asString('round.opens'),
      deadline: asString('round.deadline'),
      capKrw: asNumber('round.capKrw'),
      slots: asNumber('round.slots'),
    },
    eligibility: { maxYearsSinceFounding: asNumber('eligibility.maxYearsSinceFounding') },
    sections: base.sections,
    missing: CALL_FACT_FIELDS.filter((field) => value(field) === null),
    facts,
  };
}

/** Fields a staff member may correct, as they type them ("deadline", "capKrw") or as the JSON names them. */
export const CORRECTABLE_FIELDS: Record<string, CallFactField> = {
  id: 'round.id',
  opens: 'round.opens',
  deadline: 'round.deadline',
  capKrw: 'round.capKrw',
  cap: 'round.capKrw',
  slots: 'round.slots',
  maxYearsSinceFounding: 'eligibility.maxYearsSinceFounding',
  founding: 'eligibility.maxYearsSinceFounding',
};

/** The names the unknown-field message offers (the Edit form's, the short ones). */
const OFFERED_FIELDS = 'id, opens, deadline, capKrw, slots, maxYearsSinceFounding';

/** Checks one correction; a bad one is a message, in the reader's language, naming the format. */
export function parseCorrection(name: string, raw: string, language: Language): { ok: true; field: CallFactField; value: string | number } | { ok: false; problem: string } {
  const problem = (key: string, vars: Record<string, string> = {}) => ({ ok: false as const, problem: text(language, key, { name, ...vars }) });
  const field = CORRECTABLE_FIELDS[name] ?? (CALL_FACT_FIELDS as readonly string[]).find((candidate) => candidate === name) as CallFactField | undefined;
  if (!field) return problem('rounds.problemUnknownField', { fields: OFFERED_FIELDS });
  const value = raw.trim();
  if (field === 'round.opens' || field === 'round.deadline') {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? { ok: true, field, value } : problem('rounds.problemDate');
  }
  if (field === 'round.id') return /^\d{4}$/.test(value) ? { ok: true, field, value } : problem('rounds.problemYear');
  const number = Number(value.replace(/[,_]/g, ''));
  return Number.isInteger(number) && number > 0 ? { ok: true, field, value: number } : problem('rounds.problemWholeNumber', { example: field === 'round.capKrw' ? '50000000' : '10' });
}
