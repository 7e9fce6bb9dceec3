import type { Language } from '../messages/language.js';
import type { CallFact, CallFactField } from './call-facts.js';
import { text } from '../messages/messages.js';

/** How each fact is named to staff and founders: its message in knowledge/messages/<language>/rounds.yaml. */
const FIELD_LABEL_KEYS: Record<CallFactField, string> = {
  'round.id': 'rounds.fieldRoundId',
  'round.opens': 'rounds.fieldRoundOpens',
  'round.deadline': 'rounds.fieldRoundDeadline',
  'round.capKrw': 'rounds.fieldRoundCapKrw',
  'round.slots': 'rounds.fieldRoundSlots',
  'eligibility.maxYearsSinceFounding': 'rounds.fieldMaxYearsSinceFounding',
};

export function fieldLabel(field: CallFactField, language: Language): string {
  return text(language, FIELD_LABEL_KEYS[field]);
}

/** 50000000 → "5,000만원" / "KRW 50,000,000"; amounts under 만 stay in won. */
// A number format (만/억 grouping), not a sentence: code, like toLocaleString.
export function formatKrw(krw: number, language: Language): string {
  if (language === 'en') return `KRW ${krw.toLocaleString('en-US')}`;
  if (krw % 10_000 !== 0) return `${krw.toLocaleString('en-US')}원`;
  const eok = Math.floor(krw / 100_000_000);
  const man = (krw % 100_000_000) / 10_000;
  return [eok ? `${eok}억` : '', man ? `${man.toLocaleString('en-US')}만` : ''].filter(Boolean).join(' ') + '원';
}

export function formatFactValue(field: CallFactField, value: string | number | null | undefined, language: Language): string {
  if (value === null || value === undefined) return text(language, 'rounds.noValue');
  if (field === 'round.capKrw') return formatKrw(Number(value), language);
  if (field === 'round.slots') return text(language, 'rounds.slots', { count: value });
  if (field === 'eligibility.maxYearsSinceFounding') return text(language, 'rounds.maxYearsSinceFounding', { years: value });
  return String(value);
}

/** The call's sentence a fact came from, or who corrected it, in the reader's language. */
export function factSentence(fact: CallFact, language: Language): string {
  return fact.correctedBy === undefined ? fact.sentence : text(language, 'rounds.correctedBy', { by: fact.correctedBy });
}

/** Slack mrkdwn treats &, < and > as markup; text read from a document is escaped before it is shown. */
export function escapeForSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/```/g, "'''");
}
