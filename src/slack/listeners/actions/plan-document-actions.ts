import type { ListenerRegistry } from '../listener-router.js';
import type { BlockAction, ButtonAction, webApi } from '@slack/bolt';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { deliverReplies } from '../../deliver-replies.js';
import type { ListenerContext } from '../../listener-context.js';
import { escapeMrkdwn, slackLink, slackMention } from '../../mrkdwn.js';
import { PLAN_DOCUMENT_ACTIONS } from '../messages/shared-files.js';
import { text as messageText } from '../../../messages/messages.js';

const OUTCOME_MESSAGES = { sent: 'slack.planDocumentSent', noStaffChannel: 'slack.planDocumentNoStaffChannel', notSent: 'slack.planDocumentNotSent' } as const;

/** Only Slack's own file pages may be linked in the staff channel, whatever the button carried. */
const SLACK_FILE_PAGE = /^https:\/\/[a-z0-9-]+\.slack\.com\/files\//i;

/** The two choices offered for a research-plan document shared in a DM. */
export function registerPlanDocumentActions(app: ListenerRegistry, context: ListenerContext): void {
  app.action<BlockAction<ButtonAction>>(PLAN_DOCUMENT_ACTIONS.form, async ({ ack, body, client }) => {
    await ack();
    const language = context.itda.languageOf(body.user.id);
    const channel = body.channel?.id ?? body.user.id;
    await answerSafely(context.logger, { userId: body.user.id, surface: 'action:plan_document_form' }, (apology) => client.chat.postMessage({ channel, text: apology }), async () => {
      const replies = await context.itda.command({ userId: body.user.id, conversationId: channel, text: 'apply' });
      await deliverReplies(client, { channel }, replies, language);
    }, language);
  });

  app.action<BlockAction<ButtonAction>>(PLAN_DOCUMENT_ACTIONS.staff, async ({ ack, body, action, client, respond }) => {
    await ack();
    const language = context.itda.languageOf(body.user.id);
    const outcome = await passToStaff(context, client, body.user.id, action.value ?? '');
    await respond({ response_type: 'ephemeral', replace_original: false, text: escapeMrkdwn(messageText(language, OUTCOME_MESSAGES[outcome])) });
  });
}

async function passToStaff(context: ListenerContext, client: webApi.WebClient, userId: string, value: string): Promise<'sent' | 'noStaffChannel' | 'notSent'> {
  if (!context.staffChannelId) return 'noStaffChannel';
  const file = parseFile(value);
  const link = SLACK_FILE_PAGE.test(file.permalink) ? slackLink(file.permalink, file.name || 'file') : escapeMrkdwn(file.name || 'file');
  const text = messageText('ko', 'slack.planDocumentShared', { user: slackMention(userId), link });
  try {
    await client.chat.postMessage({ channel: context.staffChannelId, text, unfurl_links: false, unfurl_media: false });
    return 'sent';
  } catch (error) {
    context.logger.error({ err: error, userId }, 'plan document not passed to staff');
    return 'notSent';
  }
}

function parseFile(value: string): { name: string; permalink: string } {
  try {
    const parsed = JSON.parse(value) as { name?: unknown; permalink?: unknown };
    return { name: typeof parsed.name === 'string' ? parsed.name : '', permalink: typeof parsed.permalink === 'string' ? parsed.permalink : '' };
  } catch {
    return { name: '', permalink: '' };
  }
}
