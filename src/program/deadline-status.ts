import type { Language } from '../messages/language.js';
import { textIn } from '../messages/messages.js';
import { latestRound, type ProgramFacts, type ProgramRound } from './program-facts.js';

export type DeadlineState = 'upcoming' | 'open' | 'closed';

export interface DeadlineStatus {
  round: ProgramRound;
  state: DeadlineState;
  /** Calendar days from today (Asia/Seoul) to the deadline; negative once it has passed. */
  daysLeft: number;
  today: string;
}

// Built once: constructing an Intl formatter costs far more than formatting (it showed in load profiles).
const SEOUL_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });
const MONTH_NAME = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
/** Korea has kept UTC+9 without summer time since its last change, in October 1988. */
const FIXED_OFFSET_SINCE = Date.UTC(1989, 0, 1);
const SEOUL_OFFSET_MS = 9 * 3_600_000;

/** Today's date in Seoul as YYYY-MM-DD, whatever the server's time zone. */
export function seoulDate(now: Date): string {
  const time = now.getTime();
  // Every question asks for today: arithmetic is a tenth of Intl's cost, and Intl keeps the older dates.
  if (time >= FIXED_OFFSET_SINCE && time < 253_402_300_800_000 - SEOUL_OFFSET_MS) return new Date(time + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
  return SEOUL_DAY.format(now);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function deadlineStatus(facts: ProgramFacts, now: Date): DeadlineStatus {
  const round = latestRound(facts);
  const today = seoulDate(now);
  const daysLeft = daysBetween(today, round.deadline);
  const state: DeadlineState = daysLeft < 0 ? 'closed' : today < round.opens ? 'upcoming' : 'open';
  return { round, state, daysLeft, today };
}

// A date format, like Intl's (which has no "2026년 3월 27일" without weekday options): code, not catalog wording.
export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number?];
  if (language === 'ko') return day ? `${year}년 ${month}월 ${day}일` : `${year}년 ${month}월`;
  const monthName = MONTH_NAME.format(new Date(Date.UTC(year, month - 1, 1)));
  return day ? `${day} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** A short, dated answer to "when is the deadline / can I still apply?". Never calls a closed round open. */
export function describeDeadline(facts: ProgramFacts, now: Date, language: Language): string {
  const status = deadlineStatus(facts, now);
  const { round } = status;
  const deadline = `${formatDate(round.deadline, language)} (${round.deadline})`;
  const name = round.name[language];
  const url = facts.program.apply_url;
  const t = textIn(language);
  if (status.state === 'closed') {
    return t('deadline.closed', { name, deadline, today: formatDate(status.today, language), nextRoundNote: facts.next_round.note[language], url });
  }
  const opening = status.state === 'upcoming' ? t('deadline.opensOn', { date: formatDate(round.opens, language) }) : '';
  const closesToday = status.daysLeft === 0 ? t('deadline.closesToday') : '';
  return [
    t('deadline.open', { name, deadlineDate: formatDate(round.deadline, language), deadlineIso: round.deadline, daysLeft: status.daysLeft, closesToday, opening, url }),
    ...(round.selection ? [t('deadline.selection', { date: formatDate(round.selection, language) })] : []),
  ].join('\n');
}
