import type { Language } from '../messages/language.js';
import type { Reply, ReplyButton } from '../ports/reply.js';
import { formatDate } from '../program/deadline-status.js';
import type { ProgramFacts, ProgramRound } from '../program/program-facts.js';
import type { NoticeKind } from './round-news-store.js';
import { formatKrw } from './round-wording.js';

const WORDING = {
  ko: {
    announce: (name: string) => `*새 공고가 나왔습니다: ${name}*`,
    remind: (name: string, days: number) => `*${name} 마감 ${days === 0 ? '당일' : `D-${days}`}* — 작성 중인 연구계획서 초안이 있습니다.`,
    period: (opens: string, deadline: string, days: number) => `• 접수: ${opens} ~ ${deadline} 마감, D-${days}`,
    cap: (amount: string) => `• 지원 한도: 기업당 최대 ${amount}`,
    slots: (count: number) => `• 선정 규모: ${count}개 기업 내외`,
    apply: (url: string) => `• 신청: ${url}`,
    remindNext: '초안을 이어서 쓰려면 아래 버튼을 누르거나 메시지를 보내 주세요.',
    startDraft: '초안 작성 시작', continueDraft: '초안 이어서 쓰기', unsubscribe: '알림 그만 받기',
    footer: '공고 알림을 구독하셔서 받은 메시지입니다. 그만 받으려면 `알림 그만 받기`를 누르거나 `/itda unsubscribe`를 입력하세요.',
    subscribed: '새 공고 알림을 신청했습니다. 새 차수가 등록되면 DM으로 한 번 알려 드리고, 초안을 쓰는 중이면 마감 7일 전과 1일 전에 알려 드립니다. 그만 받으려면 `/itda unsubscribe`.',
    already: '이미 새 공고 알림을 받고 있습니다. 그만 받으려면 `/itda unsubscribe`.',
    unsubscribed: '공고 알림과 마감 알림을 더 보내지 않습니다. 다시 받으려면 `/itda subscribe`.',
    subscribeButton: '새 공고 알림 받기',
  },
  en: {
    announce: (name: string) => `*A new call is out: ${name}*`,
    remind: (name: string, days: number) => `*${name} closes ${days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`}* — you have a research-plan draft in progress.`,
    period: (opens: string, deadline: string, days: number) => `• Applications: ${opens} to ${deadline} (deadline), D-${days}`,
    cap: (amount: string) => `• Funding cap: up to ${amount} per company`,
    slots: (count: number) => `• About ${count} companies will be selected`,
    apply: (url: string) => `• Apply at ${url}`,
    remindNext: 'Press the button below or send me a message to continue your draft.',
    startDraft: 'Start a draft', continueDraft: 'Continue my draft', unsubscribe: 'Stop these messages',
    footer: 'You get this because you subscribed to round news. Press "Stop these messages" or type `/itda unsubscribe` to stop.',
    subscribed: 'Subscribed: I will DM you once when a new round is published, and 7 days and 1 day before the deadline while you have a draft in progress. To stop: `/itda unsubscribe`.',
    already: 'You are already subscribed to round news. To stop: `/itda unsubscribe`.',
    unsubscribed: 'No more round news or deadline reminders. To subscribe again: `/itda subscribe`.',
    subscribeButton: 'Tell me about new rounds',
  },
} satisfies Record<Language, unknown>;

export type RoundNewsWording = typeof WORDING.ko;

export function roundNewsWording(language: Language): RoundNewsWording {
  return WORDING[language];
}

export function subscribeButton(language: Language): ReplyButton {
  return { actionId: 'round_subscribe', label: WORDING[language].subscribeButton, value: 'subscribe' };
}

export function unsubscribeButton(language: Language): ReplyButton {
  return { actionId: 'round_unsubscribe', label: WORDING[language].unsubscribe, value: 'unsubscribe' };
}

/** The one DM a subscriber gets for a new round, or a deadline reminder; each ends with a way to stop. */
export function roundNotice(kind: NoticeKind, round: ProgramRound, facts: ProgramFacts, daysLeft: number, language: Language): Reply {
  const words = WORDING[language];
  const name = round.name[language];
  const lines = [
    kind === 'announce' ? words.announce(name) : words.remind(name, daysLeft),
    words.period(formatDate(round.opens, language), formatDate(round.deadline, language), Math.max(0, daysLeft)),
    ...(round.funding_cap_krw ? [words.cap(formatKrw(round.funding_cap_krw, language))] : []),
    ...(round.companies_selected ? [words.slots(round.companies_selected)] : []),
    words.apply(facts.program.apply_url),
    ...(kind === 'announce' ? [] : [words.remindNext]),
  ];
  return {
    text: lines.join('\n'),
    notes: [words.footer],
    buttons: [
      { actionId: 'round_start_draft', label: kind === 'announce' ? words.startDraft : words.continueDraft, value: round.id, style: 'primary' },
      unsubscribeButton(language),
    ],
  };
}
