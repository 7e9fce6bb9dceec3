import type { Language } from '../messages/language.js';
import type { Reply, ReplyButton } from '../ports/reply.js';
import { formatDate } from '../program/deadline-status.js';
import type { ProgramFacts, ProgramRound } from '../program/program-facts.js';
import type { NoticeKind } from './round-news-store.js';
import { formatKrw } from './round-wording.js';
import { text } from '../messages/messages.js';

export function subscribeButton(language: Language): ReplyButton {
  return { actionId: 'round_subscribe', label: text(language, 'rounds.newsSubscribeButton'), value: 'subscribe' };
}

export function unsubscribeButton(language: Language): ReplyButton {
  return { actionId: 'round_unsubscribe', label: text(language, 'rounds.newsUnsubscribe'), value: 'unsubscribe' };
}

/** The one DM a subscriber gets for a new round, or a deadline reminder; each ends with a way to stop. */
export function roundNotice(kind: NoticeKind, round: ProgramRound, facts: ProgramFacts, daysLeft: number, language: Language): Reply {
  const name = round.name[language];
  const days = Math.max(0, daysLeft);
  const lines = [
    kind === 'announce' ? text(language, 'rounds.newsAnnounce', { name }) : remindLine(name, daysLeft, language),
    text(language, 'rounds.newsPeriod', { opens: formatDate(round.opens, language), deadline: formatDate(round.deadline, language), days }),
    ...(round.funding_cap_krw ? [text(language, 'rounds.newsCap', { amount: formatKrw(round.funding_cap_krw, language) })] : []),
    ...(round.companies_selected ? [text(language, 'rounds.newsSlots', { count: round.companies_selected })] : []),
    text(language, 'rounds.newsApply', { url: facts.program.apply_url }),
    ...(kind === 'announce' ? [] : [text(language, 'rounds.newsRemindNext')]),
  ];
  return {
    text: lines.join('\n'),
    notes: [text(language, 'rounds.newsFooter')],
    buttons: [
      { actionId: 'round_start_draft', label: kind === 'announce' ? text(language, 'rounds.newsStartDraft') : text(language, 'rounds.newsContinueDraft'), value: round.id, style: 'primary' },
      unsubscribeButton(language),
    ],
  };
}

/** "D-day" / "D-1" in Korean, "today" / "in 1 day" / "in 3 days" in English: one message each. */
function remindLine(name: string, days: number, language: Language): string {
  if (days === 0) return text(language, 'rounds.newsRemindToday', { name });
  return days === 1 ? text(language, 'rounds.newsRemindOneDay', { name, days }) : text(language, 'rounds.newsRemind', { name, days });
}
