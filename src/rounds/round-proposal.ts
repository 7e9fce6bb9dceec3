import { CALL_FACT_FIELDS, readCallFacts, type CallFact, type CallFactField } from './call-facts.js';
import { splitCallSections, type CallSection } from './call-sections.js';

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

/** Applies staff corrections ("deadline=2026-03-27"); a correction replaces the sentence with who set it. */
export function correctProposal(proposal: RoundProposal, corrections: Partial<Record<CallFactField, string | number>>, by: string): RoundProposal {
  const facts = [...proposal.facts];
  for (const [field, value] of Object.entries(corrections) as [CallFactField, string | number][]) {
    const index = facts.findIndex((fact) => fact.field === field);
    const corrected: CallFact = { field, value, sentence: `(${by} 수정 / corrected by ${by})` };
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

/** Checks one correction; a bad one is a message naming the format. */
export function parseCorrection(name: string, raw: string): { ok: true; field: CallFactField; value: string | number } | { ok: false; problem: string } {
  const field = CORRECTABLE_FIELDS[name] ?? (CALL_FACT_FIELDS as readonly string[]).find((candidate) => candidate === name) as CallFactField | undefined;
  if (!field) return { ok: false, problem: `unknown field "${name}" (use one of: id, opens, deadline, capKrw, slots, maxYearsSinceFounding)` };
  const value = raw.trim();
  if (field === 'round.opens' || field === 'round.deadline') {
    return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? { ok: true, field, value } : { ok: false, problem: `${name}: write the date as YYYY-MM-DD, e.g. 2026-03-27` };
  }
  if (field === 'round.id') return /^\d{4}$/.test(value) ? { ok: true, field, value } : { ok: false, problem: `${name}: write the round's year, e.g. 2026` };
  const number = Number(value.replace(/[,_]/g, ''));
  return Number.isInteger(number) && number > 0 ? { ok: true, field, value: number } : { ok: false, problem: `${name}: write a whole number, e.g. ${field === 'round.capKrw' ? '50000000' : '10'}` };
}
