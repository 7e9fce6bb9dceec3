import type { ListenerRegistry } from '../listener-router.js';
import type { BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import { answerModal, editStaffAnswerModal, existingAnswerModal } from '../../blocks/ticket-modals.js';
import type { ListenerContext } from '../../listener-context.js';
import { publishHome } from '../events/app-home-opened.js';
import { text } from '../../../messages/messages.js';


/**
 * The knowledge loop's buttons. Founders: "담당자에게 묻기" and 👎 send an answer to the program
 * office. Staff (checked on every press): 답변하기 / 이미 답변 있음 open a modal, 해결됨 closes
 * the ticket; on App Home, 수정 / 사용 중지 edit or retire a staff answer.
 */
export function registerTicketActions(app: ListenerRegistry, context: ListenerContext): void {
  const loop = context.knowledgeLoop;
  if (!loop) return;
  // Buttons on App Home come without a response_url: there the note goes to the user's DM.
  const tell = async (respond: RespondFn | undefined, text: string, client?: webApi.WebClient, userId?: string): Promise<void> => {
    if (respond) await respond({ response_type: 'ephemeral', replace_original: false, text });
    else if (client && userId) await client.chat.postMessage({ channel: userId, text });
  };

  app.action<BlockAction<ButtonAction>>('ticket_ask', async ({ ack, action, body, respond }) => {
    await ack();
    const notice = await context.itda.escalate(action.value ?? '', body.user.id, 'asked_staff');
    if (notice) await tell(respond, notice);
  });

  // The feedback listener (button-actions.ts) acks and stores the vote; this one only escalates,
  // so it must not ack a second time.
  app.action<BlockAction<ButtonAction>>('feedback_down', async ({ action, body, respond }) => {
    const notice = await context.itda.escalate(action.value ?? '', body.user.id, 'negative_feedback');
    if (notice) await tell(respond, notice);
  });

  app.action<BlockAction<ButtonAction>>(/^ticket_(answer|existing)$/, async ({ ack, action, body, client, respond }) => {
    await ack();
    const ticket = await loop.ticketForStaff(body.user.id, Number(action.value));
    if (!ticket) return tell(respond, (await loop.isStaff(body.user.id)) ? text('ko', 'staff-tickets.ticketNotFound', { id: action.value ?? '' }) : text('ko', 'staff-tickets.staffOnlyButton'), client, body.user.id);
    if (ticket.state !== 'open') return tell(respond, text('ko', 'staff-tickets.ticketNotOpen', { id: ticket.id, state: ticket.state }), client, body.user.id);
    const view = action.action_id === 'ticket_answer' ? answerModal(ticket) : existingAnswerModal(ticket, await loop.sectionChoices(ticket));
    await client.views.open({ trigger_id: body.trigger_id, view });
  });

  app.action<BlockAction<ButtonAction>>('ticket_resolve', async ({ ack, action, body, respond, client }) => {
    await ack();
    const outcome = await loop.resolve(body.user.id, Number(action.value));
    if (!outcome.ok) await tell(respond, outcome.problem === 'staff only' ? text('ko', 'staff-tickets.staffOnlyButton') : outcome.problem, client, body.user.id);
  });

  app.action<BlockAction<ButtonAction>>('staff_answer_edit', async ({ ack, action, body, client }) => {
    await ack();
    const entry = await loop.staffAnswerEntry(body.user.id, action.value ?? '');
    if (entry) await client.views.open({ trigger_id: body.trigger_id, view: editStaffAnswerModal(entry) });
  });

  app.action<BlockAction<ButtonAction>>('staff_answer_retire', async ({ ack, action, body, client }) => {
    await ack();
    const retired = await loop.changeStaffAnswer(body.user.id, action.value ?? '', (entry) => ({ ...entry, status: 'retired' }), 'retire');
    if (retired) await publishHome(client, context, body.user.id);
  });
}
