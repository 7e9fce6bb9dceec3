import type { ListenerRegistry } from '../listener-router.js';
import type { BlockAction, ButtonAction, webApi } from '@slack/bolt';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { deliverReplies, type Destination } from '../../deliver-replies.js';
import { replyToBlocks } from '../../blocks/reply-blocks.js';
import type { ListenerContext } from '../../listener-context.js';
import { publishHome } from '../events/app-home-opened.js';
import { registerPlanDocumentActions } from './plan-document-actions.js';
import { text } from '../../../messages/messages.js';

const ENGINE_ACTIONS = /^(preapp_export_md|preapp_export_docx|preapp_submit|match_more|match_submission|forget_confirm|forget_cancel)$/;
/** Answers that replace the ephemeral prompt they were pressed on (the forget confirmation). */
const REPLACES_PROMPT = new Set(['forget_confirm', 'forget_cancel']);

export function registerButtonActions(app: ListenerRegistry, context: ListenerContext): void {
  app.action<BlockAction<ButtonAction>>(/^feedback_(up|down)$/, async ({ ack, action, body, respond }) => {
    await ack();
    const vote = action.action_id === 'feedback_up' ? 'up' : 'down';
    const stored = await context.itda.recordVote(action.value ?? '', body.user.id, vote);
    if (stored) await respond({ response_type: 'ephemeral', replace_original: false, text: text('ko', vote === 'up' ? 'slack.feedbackThanksUp' : 'slack.feedbackThanksDown') });
  });

  app.action<BlockAction<ButtonAction>>(ENGINE_ACTIONS, async ({ ack, action, body, client, respond }) => {
    await ack();
    if (REPLACES_PROMPT.has(action.action_id) && isEphemeral(body) && body.response_url) {
      const language = context.itda.languageOf(body.user.id);
      await answerSafely(
        context.logger,
        { userId: body.user.id, surface: `action:${action.action_id}` },
        (apology) => respond({ response_type: 'ephemeral', replace_original: true, text: apology }),
        async () => {
          const [reply] = await context.itda.action(body.user.id, action.action_id, action.value ?? '');
          const message = replyToBlocks(reply ?? { text: '' }, language);
          await respond({ response_type: 'ephemeral', replace_original: true, text: message.text, blocks: message.blocks });
        },
        language,
      );
      return;
    }
    const destination = await destinationOf(body, client);
    await answerSafely(
      context.logger,
      { userId: body.user.id, surface: `action:${action.action_id}` },
      // An apology is for the one who pressed, even under a message in a channel.
      (apology) =>
        body.response_url
          ? respond({ response_type: 'ephemeral', replace_original: false, text: apology })
          : client.chat.postMessage({ channel: destination.channel, thread_ts: destination.threadTs, text: apology }),
      async () => {
        const replies = await context.itda.action(body.user.id, action.action_id, action.value ?? '');
        await deliverReplies(client, destination, replies, context.itda.languageOf(body.user.id));
        if (body.view?.type === 'home') await publishHome(client, context, body.user.id);
      },
      context.itda.languageOf(body.user.id),
    );
  });

  registerPlanDocumentActions(app, context);
}

function isEphemeral(body: BlockAction): boolean {
  return (body.container as { is_ephemeral?: boolean } | undefined)?.is_ephemeral === true;
}

/** Where a button's answer goes: the message's thread, or the user's DM for App Home and ephemeral messages. */
async function destinationOf(body: BlockAction, client: webApi.WebClient): Promise<Destination> {
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  if (body.channel?.id && message?.ts && !isEphemeral(body)) return { channel: body.channel.id, threadTs: message.thread_ts ?? message.ts, userId: body.user.id };
  const opened = await client.conversations.open({ users: body.user.id });
  return { channel: opened.channel?.id ?? body.user.id };
}
