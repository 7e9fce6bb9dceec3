import type { types } from '@slack/bolt';
import type { StaffLoopSummary } from '../../knowledge-loop/staff-loop-summary.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { textIn } from '../../messages/messages.js';

const DAY_MS = 86_400_000;
const TICKETS_SHOWN = 5;
const ANSWERS_SHOWN = 8;
const t = textIn('ko');

/**
 * Staff App Home, knowledge loop part: the Monday-morning numbers, the open tickets oldest
 * first (each with 답변하기), and the staff answers Itda now answers from (수정 / 사용 중지).
 */
export function knowledgeLoopHomeBlocks(summary: StaffLoopSummary): types.KnownBlock[] {
  const now = new Date(summary.now);
  const a = summary.analytics;
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const blocks: types.KnownBlock[] = [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: t('staffHome.loopHeader') } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: t('staffHome.questionsThisWeek', { week: a.questionsThisWeek, total: a.questions }) },
        { type: 'mrkdwn', text: t('staffHome.answeredShare', { percent: percent(a.answeredShare), answered: a.answered, total: a.questions }) },
        { type: 'mrkdwn', text: t('staffHome.noSource', { count: a.noSource }) },
        { type: 'mrkdwn', text: t('staffHome.negativeRate', { percent: percent(a.negativeRate), count: a.negativeFeedback }) },
        { type: 'mrkdwn', text: t('staffHome.openTickets', { count: a.openTickets, oldest: a.oldestOpenDays !== undefined ? t('staffHome.oldestOpen', { days: a.oldestOpenDays }) : '' }) },
        { type: 'mrkdwn', text: t('staffHome.drafts', { inProgress: a.drafts.inProgress, submitted: a.drafts.submitted }) },
      ],
    },
  ];
  if (a.draftsByRound.length > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t('staffHome.draftsByRound', { rounds: a.draftsByRound.map((round) => t('staffHome.draftsOfRound', { round: round.round, inProgress: round.inProgress, submitted: round.submitted })).join(' / ') }) }] });
  }
  if (a.topUnanswered.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t('staffHome.topUnanswered', { list: a.topUnanswered.map((topic, n) => t('staffHome.topUnansweredItem', { n: n + 1, question: escapeMrkdwn(topic.question).slice(0, 150), count: topic.count })).join('\n') }) } });
  }
  for (const ticket of summary.openTickets.slice(0, TICKETS_SHOWN)) {
    const age = Math.floor((now.getTime() - Date.parse(ticket.createdAt)) / DAY_MS);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: t('staffHome.ticketLine', { id: ticket.id, question: escapeMrkdwn(ticket.question).slice(0, 200), askers: ticket.askers.length, age }) },
      accessory: { type: 'button', action_id: 'ticket_answer', text: { type: 'plain_text', text: t('staffHome.answerButton') }, value: String(ticket.id), style: 'primary' },
    });
  }
  blocks.push({ type: 'header', text: { type: 'plain_text', text: t('staffHome.staffAnswersHeader') } });
  if (summary.staffAnswersProblem) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t('staffHome.staffAnswersProblem', { problem: summary.staffAnswersProblem.slice(0, 2500) }) } });
  const active = summary.staffAnswers.filter((entry) => entry.status === 'active');
  if (active.length === 0 && !summary.staffAnswersProblem) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t('staffHome.noStaffAnswers') } });
  for (const entry of active.slice(-ANSWERS_SHOWN).reverse()) {
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(entry.questions[0]!).slice(0, 200)}*\n${escapeMrkdwn(entry.answer.ko ?? entry.answer.en ?? '').slice(0, 300)}\n_${escapeMrkdwn(entry.staff)} · ${entry.answered_at} · \`${entry.id}\`_` } },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'staff_answer_edit', text: { type: 'plain_text', text: t('staffHome.editButton') }, value: entry.id },
          { type: 'button', action_id: 'staff_answer_retire', text: { type: 'plain_text', text: t('staffHome.retireButton') }, value: entry.id, style: 'danger' },
        ],
      },
    );
  }
  return blocks;
}
