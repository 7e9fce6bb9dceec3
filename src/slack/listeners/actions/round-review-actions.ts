import type { ListenerRegistry } from '../listener-router.js';
import type { BlockAction, ButtonAction, webApi } from '@slack/bolt';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { CORRECTABLE_FIELDS, type RoundProposal } from '../../../rounds/round-proposal.js';
import { fieldLabel } from '../../../rounds/round-wording.js';
import { text } from '../../../messages/messages.js';
import { deliverReplies, type Destination } from '../../deliver-replies.js';
import type { ListenerContext } from '../../listener-context.js';

const ROUND_ACTIONS = /^round_(approve|cancel|subscribe|unsubscribe|start_draft)$/;
const EDIT_VIEW = 'round_edit_view';
const EDITABLE = ['id', 'opens', 'deadline', 'capKrw', 'slots', 'maxYearsSinceFounding'] as const;

/**
 * The round buttons: staff 승인 / 수정 / 취소 on a proposal, founders' subscribe, unsubscribe and
 * "start a draft". 수정 opens a form with what Itda read; a bad value is shown under its field.
 */
export function registerRoundReviewActions(app: ListenerRegistry, context: ListenerContext): void {
  app.action<BlockAction<ButtonAction>>(ROUND_ACTIONS, async ({ ack, action, body, client }) => {
    await ack();
    const destination = await destinationOf(body, client);
    await answerSafely(
      context.logger,
      { userId: body.user.id, surface: `action:${action.action_id}` },
      (apology) => client.chat.postMessage({ channel: destination.channel, thread_ts: destination.threadTs, text: apology }),
      async () => {
        const replies = await context.itda.action(body.user.id, action.action_id, action.value ?? '');
        await deliverReplies(client, destination, replies, context.itda.languageOf(body.user.id));
      },
      context.itda.languageOf(body.user.id),
    );
  });

  app.action<BlockAction<ButtonAction>>('round_edit', async ({ ack, action, body, client }) => {
    await ack();
    const proposalId = action.value ?? '';
    const proposal = await context.rounds?.proposal(body.user.id, proposalId);
    const destination = await destinationOf(body, client);
    if (!proposal) {
      await client.chat.postMessage({ channel: destination.channel, thread_ts: destination.threadTs, text: text('ko', 'rounds.editRefused') });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: editView(proposalId, proposal, destination) });
  });

  app.view(EDIT_VIEW, async ({ ack, body, view, client }) => {
    const { proposalId, destination } = JSON.parse(view.private_metadata) as { proposalId: string; destination: Destination };
    const values: Record<string, string> = {};
    for (const name of EDITABLE) values[name] = view.state.values[name]?.value?.value ?? '';
    const language = context.itda.languageOf(body.user.id);
    const result = await context.rounds?.correct(body.user.id, proposalId, values, language);
    if (result && Object.keys(result.problems).length > 0) {
      await ack({ response_action: 'errors', errors: result.problems });
      // An HTTP receiver that acknowledges before Bolt runs cannot show field errors: say it in the DM too.
      await client.chat.postMessage({ channel: destination.channel, thread_ts: destination.threadTs, text: text('ko', 'rounds.editNotCorrected', { problems: Object.values(result.problems).map((problem) => `• ${problem}`).join('\n') }) });
      return;
    }
    await ack();
    if (result) await deliverReplies(client, destination, result.replies, language);
  });
}

function editView(proposalId: string, proposal: RoundProposal, destination: Destination) {
  const current: Record<(typeof EDITABLE)[number], string | number | null> = {
    id: proposal.round.id,
    opens: proposal.round.opens,
    deadline: proposal.round.deadline,
    capKrw: proposal.round.capKrw,
    slots: proposal.round.slots,
    maxYearsSinceFounding: proposal.eligibility.maxYearsSinceFounding,
  };
  return {
    type: 'modal' as const,
    callback_id: EDIT_VIEW,
    private_metadata: JSON.stringify({ proposalId, destination }),
    title: { type: 'plain_text' as const, text: text('ko', 'rounds.editTitle') },
    submit: { type: 'plain_text' as const, text: text('ko', 'rounds.editSave') },
    close: { type: 'plain_text' as const, text: text('ko', 'rounds.editClose') },
    blocks: EDITABLE.map((name) => ({
      type: 'input' as const,
      block_id: name,
      optional: true,
      label: { type: 'plain_text' as const, text: `${fieldLabel(CORRECTABLE_FIELDS[name]!, 'ko')} (${name})` },
      element: {
        type: 'plain_text_input' as const,
        action_id: 'value',
        ...(current[name] === null ? {} : { initial_value: String(current[name]) }),
        placeholder: { type: 'plain_text' as const, text: name === 'opens' || name === 'deadline' ? 'YYYY-MM-DD' : name === 'capKrw' ? '50000000' : text('ko', 'rounds.editNumber') },
      },
    })),
  };
}

/** Where a button's answer goes: the message's thread, or the user's DM. */
async function destinationOf(body: BlockAction, client: webApi.WebClient): Promise<Destination> {
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  const isEphemeral = (body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true;
  if (body.channel?.id && message?.ts && !isEphemeral) return { channel: body.channel.id, threadTs: message.thread_ts ?? message.ts };
  const opened = await client.conversations.open({ users: body.user.id });
  return { channel: opened.channel?.id ?? body.user.id };
}
