import type { types } from '@slack/bolt';
import type { StaffLoopSummary } from '../../knowledge-loop/staff-loop-summary.js';
import { escapeMrkdwn } from '../mrkdwn.js';

const DAY_MS = 86_400_000;
const TICKETS_SHOWN = 5;
const ANSWERS_SHOWN = 8;

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
    { type: 'header', text: { type: 'plain_text', text: '담당자: 질문과 문의 현황' } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*이번 주 질문*\n${a.questionsThisWeek} (전체 ${a.questions})` },
        { type: 'mrkdwn', text: `*답변 비율*\n${percent(a.answeredShare)} (${a.answered}/${a.questions})` },
        { type: 'mrkdwn', text: `*문서에 근거 없음*\n${a.noSource}` },
        { type: 'mrkdwn', text: `*👎 비율*\n${percent(a.negativeRate)} (${a.negativeFeedback})` },
        { type: 'mrkdwn', text: `*열린 문의*\n${a.openTickets}${a.oldestOpenDays !== undefined ? ` (가장 오래된 것 ${a.oldestOpenDays}일)` : ''}` },
        { type: 'mrkdwn', text: `*초안*\n작성 중 ${a.drafts.inProgress} · 제출 ${a.drafts.submitted}` },
      ],
    },
  ];
  if (a.draftsByRound.length > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `회차별 초안: ${a.draftsByRound.map((round) => `${round.round} 작성 중 ${round.inProgress} · 제출 ${round.submitted}`).join(' / ')}` }] });
  }
  if (a.topUnanswered.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*답하지 못한 질문 상위*\n${a.topUnanswered.map((topic, n) => `${n + 1}. ${escapeMrkdwn(topic.question).slice(0, 150)} — ${topic.count}명`).join('\n')}` } });
  }
  for (const ticket of summary.openTickets.slice(0, TICKETS_SHOWN)) {
    const age = Math.floor((now.getTime() - Date.parse(ticket.createdAt)) / DAY_MS);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*#${ticket.id}* ${escapeMrkdwn(ticket.question).slice(0, 200)}\n_👥 ${ticket.askers.length}명 · ${age}일 전_` },
      accessory: { type: 'button', action_id: 'ticket_answer', text: { type: 'plain_text', text: '답변하기' }, value: String(ticket.id), style: 'primary' },
    });
  }
  blocks.push({ type: 'header', text: { type: 'plain_text', text: '담당자 답변 (knowledge/staff-answers.yaml)' } });
  if (summary.staffAnswersProblem) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `⚠️ 파일에 문제가 있습니다:\n\`\`\`${summary.staffAnswersProblem.slice(0, 2500)}\`\`\`` } });
  const active = summary.staffAnswers.filter((entry) => entry.status === 'active');
  if (active.length === 0 && !summary.staffAnswersProblem) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '아직 없습니다. 문의에 답할 때 "지식 베이스에 추가"를 고르면 여기에 쌓입니다.' } });
  for (const entry of active.slice(-ANSWERS_SHOWN).reverse()) {
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(entry.questions[0]!).slice(0, 200)}*\n${escapeMrkdwn(entry.answer.ko ?? entry.answer.en ?? '').slice(0, 300)}\n_${escapeMrkdwn(entry.staff)} · ${entry.answered_at} · \`${entry.id}\`_` } },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'staff_answer_edit', text: { type: 'plain_text', text: '수정' }, value: entry.id },
          { type: 'button', action_id: 'staff_answer_retire', text: { type: 'plain_text', text: '사용 중지' }, value: entry.id, style: 'danger' },
        ],
      },
    );
  }
  return blocks;
}
