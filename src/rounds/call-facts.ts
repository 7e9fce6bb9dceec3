import { findWonAmounts } from '../korean-numbers/amounts.js';
import { findDates } from '../korean-numbers/dates.js';
import { findCounts, findFoundingAgeLimit } from './korean-call-text.js';

/** The facts a new round needs, each with the sentence it was read from (staff check that sentence). */
export type CallFactField = 'round.id' | 'round.opens' | 'round.deadline' | 'round.capKrw' | 'round.slots' | 'eligibility.maxYearsSinceFounding';

export interface CallFact {
  field: CallFactField;
  value: string | number;
  sentence: string;
  /** Set when staff corrected the fact: who did (the sentence is then theirs, not the call's). */
  correctedBy?: string;
}

export const CALL_FACT_FIELDS: readonly CallFactField[] = ['round.id', 'round.opens', 'round.deadline', 'round.capKrw', 'round.slots', 'eligibility.maxYearsSinceFounding'];

// What a line is about decides what its dates mean: the application period, not selection or research.
const APPLICATION = /접수|신청|모집|제출|공모/;
const NOT_APPLICATION = /선정|발표|협약|연구\s*기간|사업\s*기간|수행\s*기간|평가|심사|결과|설명회|교육/;
const RANGE = /[~∼〜–-]|부터/;
const OPENS_WORD = /시작|개시|부터/;
const DEADLINE_WORD = /마감|까지|종료/;
const CAP_BEFORE = /(최대|기업당|과제당|기업\s*별|과제\s*별|한도|내외|이내)\s*$/;
const CAP_AFTER = /^\s*(이내|한도|내외|까지|\(?\s*부가세)/;
const TOTAL_BEFORE = /(총|전체|예산|사업비\s*총)\s*[^\d]{0,6}$/;
const CAP_LINE = /지원|연구비|사업비|한도/;
const SLOTS_LINE = /선정|모집|지원\s*(규모|대상|기업)|내외|이내/;
const SLOTS_SUBJECT = /기업|스타트업|과제|개사|곳|팀|(선정|모집)\s*(규모|수)/;

/**
 * Reads the round's facts from the call's lines. A field is set only from a sentence that
 * says it; anything else is left out and reported as missing by the proposal.
 */
export function readCallFacts(lines: readonly string[]): CallFact[] {
  const facts = new Map<CallFactField, CallFact>();
  const set = (field: CallFactField, value: string | number, sentence: string) => {
    if (!facts.has(field)) facts.set(field, { field, value, sentence });
  };
  for (const line of lines) readApplicationDates(line, set);
  for (const line of lines) {
    if (CAP_LINE.test(line)) {
      const cap = findWonAmounts(line).find((amount) => {
        const before = line.slice(Math.max(0, amount.index - 12), amount.index);
        if (TOTAL_BEFORE.test(before)) return false;
        return CAP_BEFORE.test(before) || CAP_AFTER.test(line.slice(amount.end, amount.end + 8));
      });
      if (cap) set('round.capKrw', cap.krw, line);
    }
    if (SLOTS_LINE.test(line) && SLOTS_SUBJECT.test(line) && !/병원\s*\d/.test(line)) {
      const slots = findCounts(line)[0];
      if (slots) set('round.slots', slots.count, line);
    }
    const limit = findFoundingAgeLimit(line);
    if (limit !== undefined) set('eligibility.maxYearsSinceFounding', limit, line);
  }
  const deadline = facts.get('round.deadline');
  if (deadline) set('round.id', String(deadline.value).slice(0, 4), deadline.sentence);
  else {
    const titled = lines.find((line) => /(20\d{2})\s*년.*(공고|모집|공동연구)/.test(line));
    if (titled) set('round.id', /(20\d{2})\s*년/.exec(titled)![1]!, titled);
  }
  return CALL_FACT_FIELDS.flatMap((field) => (facts.has(field) ? [facts.get(field)!] : []));
}

function readApplicationDates(line: string, set: (field: CallFactField, value: string, sentence: string) => void): void {
  if (!APPLICATION.test(line) || NOT_APPLICATION.test(line)) return;
  const dates = findDates(line);
  if (dates.length === 0) return;
  const [first, second] = dates;
  if (second && RANGE.test(line.slice(first!.end, second.index))) {
    set('round.opens', first!.date, line);
    set('round.deadline', second.date, line);
    return;
  }
  const after = line.slice(first!.end, first!.end + 16);
  const before = line.slice(Math.max(0, first!.index - 12), first!.index);
  if (DEADLINE_WORD.test(after) || DEADLINE_WORD.test(before)) set('round.deadline', first!.date, line);
  else if (OPENS_WORD.test(after) || OPENS_WORD.test(before)) set('round.opens', first!.date, line);
}
