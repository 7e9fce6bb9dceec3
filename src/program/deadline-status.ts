import type { Language } from '../conversation/reply.js';
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

/** Today's date in Seoul as YYYY-MM-DD, whatever the server's time zone. */
export function seoulDate(now: Date): string {
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

export function formatDate(isoDate: string, language: Language): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number?];
  if (language === 'ko') return day ? `${year}년 ${month}월 ${day}일` : `${year}년 ${month}월`;
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return day ? `${day} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** A short, dated answer to "when is the deadline / can I still apply?". Never calls a closed round open. */
export function describeDeadline(facts: ProgramFacts, now: Date, language: Language): string {
  const status = deadlineStatus(facts, now);
  const { round } = status;
  const deadline = `${formatDate(round.deadline, language)} (${round.deadline})`;
  const name = round.name[language];
  const url = facts.program.apply_url;
  if (language === 'ko') {
    if (status.state === 'closed') {
      return [
        `*${name}* 신청은 ${deadline}에 마감되었습니다(오늘 ${formatDate(status.today, 'ko')} 기준, 마감됨).`,
        `• 지식베이스에 이후 차수 공고는 없습니다. ${facts.next_round.note.ko}`,
        `• 다음 공고 확인: ${url}`,
      ].join('\n');
    }
    const opening = status.state === 'upcoming' ? `접수 시작: ${formatDate(round.opens, 'ko')}. ` : '';
    return [
      `*${name}*: ${formatDate(round.deadline, 'ko')} 마감, *D-${status.daysLeft}*${status.daysLeft === 0 ? ' (오늘 마감)' : ''} (${round.deadline}).`,
      `• ${opening}신청: 서울바이오허브 홈페이지(${url})에 의료데이터 활용연구 계획을 제출합니다.`,
      ...(round.selection ? [`• 선정 및 병원 매칭: ${formatDate(round.selection, 'ko')}`] : []),
    ].join('\n');
  }
  if (status.state === 'closed') {
    return [
      `Applications for the *${name}* closed on ${deadline} (today is ${formatDate(status.today, 'en')}: the round is closed).`,
      `• No later round is in the knowledge base. ${facts.next_round.note.en}`,
      `• Where to check for the next call: ${url}`,
    ].join('\n');
  }
  const opening = status.state === 'upcoming' ? `Applications open ${formatDate(round.opens, 'en')}. ` : '';
  return [
    `The *${name}* deadline is ${deadline} — *D-${status.daysLeft}*${status.daysLeft === 0 ? ' (closes today)' : ''}.`,
    `• ${opening}Apply by submitting a medical-data research plan on the Seoul BioHub website (${url}).`,
    ...(round.selection ? [`• Selection and hospital matching: ${formatDate(round.selection, 'en')}`] : []),
  ].join('\n');
}
