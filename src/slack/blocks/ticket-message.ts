import type { types } from '@slack/bolt';
import type { Ticket, TicketAsker } from '../../storage/ticket.js';
import { escapeMrkdwn, slackLink } from '../mrkdwn.js';

type KnownBlock = types.KnownBlock;

const STATE_LABEL: Record<Ticket['state'], string> = {
  open: '🟡 답변 대기 (open)',
  answered: '✅ 답변함 (answered)',
  resolved: '☑️ 해결됨 (resolved)',
  duplicate: '🔁 중복 (duplicate)',
};

const REASON_LABEL: Record<Ticket['reason'], string> = {
  no_source: '문서에 근거 없음 (no source)',
  negative_feedback: '👎 피드백',
  asked_staff: '담당자에게 묻기 (asked for staff)',
};

const TEXT_LIMIT = 1500;

/**
 * One ticket as its staff-channel message. Everything a founder wrote (the question, each
 * asker's wording) and Itda's answer are escaped: no mention, @channel or link survives.
 */
export function ticketMessage(ticket: Ticket): { text: string; blocks: KnownBlock[] } {
  const count = ticket.askers.length;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `문의 #${ticket.id} · ${STATE_LABEL[ticket.state]}` } },
    { type: 'section', text: { type: 'mrkdwn', text: `*질문 (Question)*\n${cut(escapeMrkdwn(ticket.question))}` } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `👥 ${count}명 문의 (${count} asked) · ${REASON_LABEL[ticket.reason]} · ${ticket.language} · ${ticket.createdAt.slice(0, 16).replace('T', ' ')} UTC` }],
    },
    { type: 'section', text: { type: 'mrkdwn', text: `*잇다의 답변 (Itda answered)*\n${cut(escapeMrkdwn(ticket.itdaAnswer))}` } },
  ];
  if (ticket.sources.length > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `📄 ${escapeMrkdwn(ticket.sources.map((source) => `${source.title} › ${source.section}`).join(' · '))}` }] });
  }
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*문의한 사람 (Asked by)*\n${ticket.askers.map((asker) => askerLine(asker, ticket.question)).join('\n')}` } });
  if (ticket.answer) {
    const written = Object.entries(ticket.answer.text).map(([language, text]) => `[${language}] ${text}`).join('\n');
    const entry = ticket.knowledgeEntry ? `\n📚 지식 베이스: \`${escapeMrkdwn(ticket.knowledgeEntry)}\`` : '';
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*답변 (${escapeMrkdwn(ticket.answer.staffName)}, ${ticket.answer.answeredAt})*\n${cut(written)}${entry}` } });
  }
  const buttons = actionsFor(ticket);
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `ticket-${ticket.id}`, elements: buttons });
  return { text: `문의 #${ticket.id} (${ticket.state}, ${count}명): ${escapeMrkdwn(ticket.question).slice(0, 200)}`, blocks };
}

function actionsFor(ticket: Ticket): types.Button[] {
  const value = String(ticket.id);
  const button = (action_id: string, text: string, style?: 'primary' | 'danger'): types.Button => ({ type: 'button', action_id, text: { type: 'plain_text', text }, value, ...(style ? { style } : {}) });
  if (ticket.state === 'open') return [button('ticket_answer', '답변하기', 'primary'), button('ticket_existing', '이미 답변 있음'), button('ticket_resolve', '해결됨')];
  if (ticket.state === 'answered') return [button('ticket_resolve', '해결됨')];
  return [];
}

/** Who asked and where: a thread link staff can open, or "DM"; their own wording when it differs. */
function askerLine(asker: TicketAsker, question: string): string {
  const where = threadLink(asker.conversationId) ?? 'DM';
  const delivered = asker.deliveredAt ? ' · ✉️ 전달됨' : '';
  const wording = asker.question !== question ? `\n   › ${cut(escapeMrkdwn(asker.question), 300)}` : '';
  return `• <@${asker.userId}> · ${asker.language} · ${where}${delivered}${wording}`;
}

function threadLink(conversationId: string | undefined): string | undefined {
  const match = /^([CG][A-Z0-9]+):(\d+)\.(\d+)$/.exec(conversationId ?? '');
  return match ? slackLink(`https://slack.com/archives/${match[1]}/p${match[2]}${match[3]}`, '대화 보기 (thread)') : undefined;
}

function cut(text: string, limit = TEXT_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
