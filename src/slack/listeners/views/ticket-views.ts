import type { ListenerRegistry } from '../listener-router.js';
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction, webApi } from '@slack/bolt';
import type { Language } from '../../../messages/language.js';
import { ANSWER_MODAL, EDIT_ANSWER_MODAL, EXISTING_MODAL } from '../../blocks/ticket-modals.js';
import type { ListenerContext } from '../../listener-context.js';
import type { StaffOutcome } from '../../../knowledge-loop/knowledge-loop.js';
import { publishHome } from '../events/app-home-opened.js';
import { text } from '../../../messages/messages.js';

type Values = ViewSubmitAction['view']['state']['values'];
type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The knowledge loop's modals. Each submission is acked with no body (the modal closes) once its
 * input is known to be usable, then handled; a problem after that goes to the staff member's DM.
 */
export function registerTicketViews(app: ListenerRegistry, context: ListenerContext): void {
  const loop = context.knowledgeLoop;
  if (!loop) return;

  app.view<ViewSubmitAction>(ANSWER_MODAL, async ({ ack, body, view, client }: ViewArgs) => {
    const values = view.state.values;
    const answer = textOf(values, 'answer');
    if (!answer) return ack({ response_action: 'errors', errors: { answer: text('ko', 'staff-tickets.viewAnswerMissing') } });
    await ack();
    const language = (selectedOf(values, 'language') ?? 'ko') as Language;
    const other = textOf(values, 'answer_other');
    const name = await staffName(client, body.user);
    const outcome = await safely(context, () => loop.answer(body.user.id, Number(view.private_metadata), {
      text: { [language]: answer, ...(other ? { [language === 'ko' ? 'en' : 'ko']: other } : {}) },
      language,
      staffName: name,
      addToKnowledge: checkedOf(values, 'knowledge').includes('add'),
      phrasings: textOf(values, 'phrasings')?.split('\n'),
    }));
    // Nothing staff wrote is lost: a failure sends their answer back to them with the reason.
    await reportTo(client, body.user.id, outcome.ok ? text('ko', 'staff-tickets.viewAnswerSent', { id: outcome.ticket.id, delivered: outcome.delivered, added: outcome.knowledgeEntry ? text('ko', 'staff-tickets.viewAnswerAdded', { entry: outcome.knowledgeEntry }) : '' }) : text('ko', 'staff-tickets.viewAnswerFailed', { problem: outcome.problem, answer, other: other ? `\n\n${other}` : '' }));
  });

  app.view<ViewSubmitAction>(EXISTING_MODAL, async ({ ack, body, view, client }: ViewArgs) => {
    const section = selectedOf(view.state.values, 'section');
    if (!section) return ack({ response_action: 'errors', errors: { section: text('ko', 'staff-tickets.viewSectionMissing') } });
    await ack();
    const name = await staffName(client, body.user);
    const outcome = await safely(context, () => loop.pointToSection(body.user.id, Number(view.private_metadata), section, name));
    await reportTo(client, body.user.id, outcome.ok ? text('ko', 'staff-tickets.viewExistingSent', { id: outcome.ticket.id, delivered: outcome.delivered }) : text('ko', 'staff-tickets.viewSendFailed', { problem: outcome.problem }));
  });

  app.view<ViewSubmitAction>(EDIT_ANSWER_MODAL, async ({ ack, body, view, client }: ViewArgs) => {
    const values = view.state.values;
    const ko = textOf(values, 'answer_ko');
    const en = textOf(values, 'answer_en');
    const questions = (textOf(values, 'phrasings') ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
    if (!ko && !en) return ack({ response_action: 'errors', errors: { answer_ko: text('ko', 'staff-tickets.viewEditNeedsAnswer') } });
    if (questions.length === 0) return ack({ response_action: 'errors', errors: { phrasings: text('ko', 'staff-tickets.viewEditNeedsPhrasing') } });
    await ack();
    const changed = await loop.changeStaffAnswer(body.user.id, view.private_metadata, (entry) => ({ ...entry, answer: { ...(ko ? { ko } : {}), ...(en ? { en } : {}) }, questions }), 'edit');
    if (changed) await publishHome(client, context, body.user.id);
  });
}

/** After the ack the modal is gone: an unexpected failure is logged and told to the staff member, with the answer they wrote. */
async function safely(context: ListenerContext, work: () => Promise<StaffOutcome>): Promise<StaffOutcome> {
  try {
    return await work();
  } catch (error) {
    context.logger.error({ err: error }, 'staff answer failed');
    return { ok: false, problem: text('ko', 'staff-tickets.viewUnexpectedError') };
  }
}

function textOf(values: Values, block: string): string | undefined {
  const value = values[block]?.value?.value;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function selectedOf(values: Values, block: string): string | undefined {
  return values[block]?.value?.selected_option?.value ?? undefined;
}

function checkedOf(values: Values, block: string): string[] {
  return (values[block]?.value?.selected_options ?? []).map((option) => option.value);
}

/** The name shown on the answer: the staff member's Slack name, else their handle. */
async function staffName(client: webApi.WebClient, user: { id: string; name?: string }): Promise<string> {
  try {
    const info = await client.users.info({ user: user.id });
    const profile = info.user?.profile;
    return profile?.display_name || profile?.real_name || info.user?.real_name || user.name || user.id;
  } catch {
    return user.name || user.id;
  }
}

async function reportTo(client: webApi.WebClient, staffId: string, message: string): Promise<void> {
  await client.chat.postMessage({ channel: staffId, text: message });
}
