import type { Language } from '../messages/language.js';
import type { ProgramFacts, ProgramRound } from '../program/program-facts.js';
import { deadlineStatus, formatDate } from '../program/deadline-status.js';
import { text } from '../messages/messages.js';

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
  return text(language, 'form.roundNext');
}

export function roundOnStart(round: DraftRound, facts: ProgramFacts, language: Language): string {
  if (round.kind === 'next') {
    return text(language, 'form.roundStartNext', { last: round.lastClosed.name[language], closed: formatDate(round.lastClosed.deadline, language), note: facts.next_round.note[language] });
  }
  const deadline = formatDate(round.round.deadline, language);
  return round.kind === 'open'
    ? text(language, 'form.roundStartOpen', { round: round.round.name[language], deadline, days: round.daysLeft })
    : text(language, 'form.roundStartUpcoming', { round: round.round.name[language], deadline });
}

export function roundOnSubmit(round: DraftRound, facts: ProgramFacts, language: Language): string {
  const name = draftRoundName(round, language);
  const official = round.kind === 'next'
    ? text(language, 'form.roundOfficialNext', { url: facts.program.apply_url })
    : text(language, 'form.roundOfficial', { url: facts.program.apply_url, deadline: formatDate(round.round.deadline, language) });
  // English says "for the *2025 call*" but "for *the next round*": the article sits outside the bold only for a named round.
  const submitted = round.kind === 'next' ? text(language, 'form.roundSubmittedNext', { round: name }) : text(language, 'form.roundSubmitted', { round: name });
  return `${submitted}\n${official}`;
}

export function roundOnExport(round: DraftRound, filename: string, language: Language): string {
  return text(language, 'form.roundExported', { file: filename, round: draftRoundName(round, language) });
}
