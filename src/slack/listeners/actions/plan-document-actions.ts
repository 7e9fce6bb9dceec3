import type { App, BlockAction, ButtonAction, webApi } from '@slack/bolt';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { deliverReplies } from '../../deliver-replies.js';
import type { ListenerContext } from '../../listener-context.js';
import { escapeMrkdwn, slackLink, slackMention } from '../../mrkdwn.js';
import { PLAN_DOCUMENT_ACTIONS } from '../messages/shared-files.js';

const WORDING = {
  ko: {
    sent: '파일을 사업 담당자에게 전달했습니다. 담당자가 확인 후 연락드립니다.',
    noStaffChannel: '담당자 채널이 설정되어 있지 않아 전달하지 못했습니다. 파일을 사업 담당자에게 직접 보내 주세요.',
    notSent: '담당자 채널에 전달하지 못했습니다. 잠시 후 다시 눌러 주시거나 사업 담당자에게 직접 보내 주세요.',
  },
  en: {
    sent: 'I passed the file to the program staff; they will get back to you.',
    noStaffChannel: 'No staff channel is set up, so I could not pass it on. Please send the file to the program office directly.',
    notSent: 'I could not post to the staff channel. Please press again shortly, or send the file to the program office directly.',
  },
} as const;

/** Only Slack's own file pages may be linked in the staff channel, whatever the button carried. */
const SLACK_FILE_PAGE = /^https:\/\/[a-z0-9-]+\.slack\.com\/files\//i;

/** The two choices offered for a research-plan document shared in a DM. */
export function registerPlanDocumentActions(app: App, context: ListenerContext): void {
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
    await respond({ response_type: 'ephemeral', replace_original: false, text: escapeMrkdwn(WORDING[language][outcome]) });
  });
}

async function passToStaff(context: ListenerContext, client: webApi.WebClient, userId: string, value: string): Promise<'sent' | 'noStaffChannel' | 'notSent'> {
  if (!context.staffChannelId) return 'noStaffChannel';
  const file = parseFile(value);
  const link = SLACK_FILE_PAGE.test(file.permalink) ? slackLink(file.permalink, file.name || 'file') : escapeMrkdwn(file.name || 'file');
  const text = `📎 ${slackMention(userId)} shared a research-plan document with Itda / 연구계획서 파일 공유: ${link}`;
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
