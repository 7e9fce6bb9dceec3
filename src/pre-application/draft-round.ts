import type { Language } from '../messages/language.js';
import type { ProgramFacts, ProgramRound } from '../program/program-facts.js';
import { deadlineStatus, formatDate } from '../program/deadline-status.js';

/**
 * Which call a draft is prepared for: the open (or announced, upcoming) round, or — when no
 * round is open — the next one. Starting, exporting and submitting all say it, so nobody
 * hears "✅ 제출했어요" and then "마감되었어요".
 */
export type DraftRound =
  | { kind: 'open' | 'upcoming'; round: ProgramRound; daysLeft: number }
  | { kind: 'next'; lastClosed: ProgramRound };

export const NEXT_ROUND_ID = 'next';

export function draftRound(facts: ProgramFacts, now: Date): DraftRound {
  const status = deadlineStatus(facts, now);
  if (status.state === 'closed') return { kind: 'next', lastClosed: status.round };
  return { kind: status.state, round: status.round, daysLeft: status.daysLeft };
}

export function draftRoundId(round: DraftRound): string {
  return round.kind === 'next' ? NEXT_ROUND_ID : round.round.id;
}

/** The short name shown next to a draft: "2025년 공동연구 프로젝트(2차)" or "다음 회차". */
export function draftRoundName(round: DraftRound, language: Language): string {
  if (round.kind !== 'next') return round.round.name[language];
  return { ko: '다음 회차', en: 'the next round' }[language];
}

const MESSAGES = {
  start: {
    open: {
      ko: (r: string, deadline: string, days: number) => `📅 이 초안은 *${r}* 접수용이에요 (마감 ${deadline}, D-${days}).`,
      en: (r: string, deadline: string, days: number) => `📅 This draft is for the *${r}* (deadline ${deadline}, ${days} days left).`,
    },
    upcoming: {
      ko: (r: string, deadline: string) => `📅 이 초안은 *${r}* 접수용이에요 (아직 접수 전, 마감 ${deadline}).`,
      en: (r: string, deadline: string) => `📅 This draft is for the *${r}* (not open yet; deadline ${deadline}).`,
    },
    next: {
      ko: (last: string, closed: string, note: string) => `📅 지금 접수 중인 회차가 없어요 (${last}는 ${closed}에 마감). 이 초안은 *다음 회차*용으로 저장되고, 제출하면 사업 담당자가 다음 회차 사전 신청으로 받아 둡니다. ${note}`,
      en: (last: string, closed: string, note: string) => `📅 No round is open now (the ${last} closed on ${closed}). This draft is kept for *the next round*; if you submit it, the program office keeps it as a pre-application for the next round. ${note}`,
    },
  },
  submitted: {
    ko: (r: string) => `✅ *${r}* 사전 신청으로 제출했어요. 사업 담당자가 검토하고 연락드릴 거예요.`,
    en: (r: string) => `✅ Submitted as a pre-application for ${r.startsWith('the ') ? `*${r}*` : `the *${r}*`}. The program office will review it and get in touch.`,
  },
  official: {
    ko: (url: string, deadline: string) => `공식 신청은 ${url} 에서 ${deadline}까지 해야 합니다. 받은 초안 파일을 활용하세요.`,
    en: (url: string, deadline: string) => `The official application is made at ${url} by ${deadline}; use the draft file for it.`,
  },
  officialNext: {
    ko: (url: string) => `새 공고가 나오면 공식 신청은 ${url} 에서 해야 해요. 공고가 나오면 초안을 그 회차 기준으로 다시 확인해 주세요.`,
    en: (url: string) => `When the next call is published, the official application is made at ${url}; check the draft against that call then.`,
  },
  exported: {
    ko: (file: string, r: string) => `초안 파일입니다: ${file} (${r}용)`,
    en: (file: string, r: string) => `Here is your draft: ${file} (for ${r})`,
  },
};

export function roundOnStart(round: DraftRound, facts: ProgramFacts, language: Language): string {
  if (round.kind === 'next') {
    return MESSAGES.start.next[language](round.lastClosed.name[language], formatDate(round.lastClosed.deadline, language), facts.next_round.note[language]);
  }
  const deadline = formatDate(round.round.deadline, language);
  return round.kind === 'open'
    ? MESSAGES.start.open[language](round.round.name[language], deadline, round.daysLeft)
    : MESSAGES.start.upcoming[language](round.round.name[language], deadline);
}

export function roundOnSubmit(round: DraftRound, facts: ProgramFacts, language: Language): string {
  const name = draftRoundName(round, language);
  const official = round.kind === 'next'
    ? MESSAGES.officialNext[language](facts.program.apply_url)
    : MESSAGES.official[language](facts.program.apply_url, formatDate(round.round.deadline, language));
  return `${MESSAGES.submitted[language](name)}\n${official}`;
}

export function roundOnExport(round: DraftRound, filename: string, language: Language): string {
  return MESSAGES.exported[language](filename, draftRoundName(round, language));
}
