import type { types } from '@slack/bolt';
import type { Ticket, TicketAsker } from '../../storage/ticket.js';
import { escapeMrkdwn, slackLink } from '../mrkdwn.js';
import { text } from '../../messages/messages.js';

type KnownBlock = types.KnownBlock;

const STATE_LABEL: Record<Ticket['state'], string> = {
  open: 'staff-tickets.stateOpen',
  answered: 'staff-tickets.stateAnswered',
  resolved: 'staff-tickets.stateResolved',
  duplicate: 'staff-tickets.stateDuplicate',
};

const REASON_LABEL: Record<Ticket['reason'], string> = {
  no_source: 'staff-tickets.reasonNoSource',
  negative_feedback: 'staff-tickets.reasonNegativeFeedback',
  asked_staff: 'staff-tickets.reasonAskedStaff',
};

const TEXT_LIMIT = 1500;

/**
 * One ticket as its staff-channel message. Everything a founder wrote (the question, each
 * asker's wording) and Itda's answer are escaped: no mention, @channel or link survives.
 */
export function ticketMessage(ticket: Ticket): { text: string; blocks: KnownBlock[] } {
  const count = ticket.askers.length;
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: text('ko', 'staff-tickets.ticketHeader', { id: ticket.id, state: text('ko', STATE_LABEL[ticket.state]) }) } },
    { type: 'section', text: { type: 'mrkdwn', text: text('ko', 'staff-tickets.ticketQuestion', { question: cut(escapeMrkdwn(ticket.question)) }) } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: text('ko', 'staff-tickets.ticketContext', { count, reason: text('ko', REASON_LABEL[ticket.reason]), language: ticket.language, createdAt: ticket.createdAt.slice(0, 16).replace('T', ' ') }) }],
    },
    { type: 'section', text: { type: 'mrkdwn', text: text('ko', 'staff-tickets.ticketItdaAnswer', { answer: cut(escapeMrkdwn(ticket.itdaAnswer)) }) } },
  ];
  if (ticket.sources.length > 0) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: text('ko', 'staff-tickets.ticketSources', { sources: escapeMrkdwn(ticket.sources.map((source) => `${source.title} › ${source.section}`).join(' · ')) }) }] });
  }
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: text('ko', 'staff-tickets.ticketAskedBy', { askers: ticket.askers.map((asker) => askerLine(asker, ticket.question)).join('\n') }) } });
  if (ticket.answer) {
    const written = Object.entries(ticket.answer.text).map(([language, answerText]) => `[${language}] ${answerText}`).join('\n');
    const entry = ticket.knowledgeEntry ? text('ko', 'staff-tickets.ticketKnowledgeEntry', { entry: escapeMrkdwn(ticket.knowledgeEntry) }) : '';
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: text('ko', 'staff-tickets.ticketStaffAnswer', { staff: escapeMrkdwn(ticket.answer.staffName), answeredAt: ticket.answer.answeredAt, written: cut(written), entry }) } });
  }
  const buttons = actionsFor(ticket);
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `ticket-${ticket.id}`, elements: buttons });
  return { text: text('ko', 'staff-tickets.ticketFallback', { id: ticket.id, state: ticket.state, count, question: escapeMrkdwn(ticket.question).slice(0, 200) }), blocks };
}

function actionsFor(ticket: Ticket): types.Button[] {
  const value = String(ticket.id);
  const button = (action_id: string, key: string, style?: 'primary' | 'danger'): types.Button => ({ type: 'button', action_id, text: { type: 'plain_text', text: text('ko', key) }, value, ...(style ? { style } : {}) });
  if (ticket.state === 'open') return [button('ticket_answer', 'staff-tickets.buttonAnswer', 'primary'), button('ticket_existing', 'staff-tickets.buttonExisting'), button('ticket_resolve', 'staff-tickets.buttonResolve')];
  if (ticket.state === 'answered') return [button('ticket_resolve', 'staff-tickets.buttonResolve')];
  return [];
}

/** Who asked and where: a thread link staff can open, or "DM"; their own wording when it differs. */
function askerLine(asker: TicketAsker, question: string): string {
  const where = threadLink(asker.conversationId) ?? 'DM';
  const delivered = asker.deliveredAt ? text('ko', 'staff-tickets.askerDelivered') : '';
  const wording = asker.question !== question ? `\n   › ${cut(escapeMrkdwn(asker.question), 300)}` : '';
  return `• <@${asker.userId}> · ${asker.language} · ${where}${delivered}${wording}`;
}

function threadLink(conversationId: string | undefined): string | undefined {
  const match = /^([CG][A-Z0-9]+):(\d+)\.(\d+)$/.exec(conversationId ?? '');
  return match ? slackLink(`https://slack.com/archives/${match[1]}/p${match[2]}${match[3]}`, text('ko', 'staff-tickets.askerThread')) : undefined;
}

function cut(value: string, limit = TEXT_LIMIT): string {
  return value.length <= limit ? value : `${value.slice(0, limit - 1)}…`;
}
