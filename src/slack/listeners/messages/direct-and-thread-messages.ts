import type { App } from '@slack/bolt';
import { detectLanguage } from '../../../conversation/detect-language.js';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { deliverReplies } from '../../deliver-replies.js';
import type { ListenerContext } from '../../listener-context.js';

/**
 * Direct messages, and follow-ups in a channel thread Itda already answered in. Edits,
 * deletions, bot messages (Itda's own included) and other subtypes are ignored. Mentions are
 * left to the app_mention listener so a mention in a thread is answered once.
 */
export function registerDirectAndThreadMessages(app: App, context: ListenerContext): void {
  app.message(async ({ message, client, body, context: boltContext }) => {
    if (message.subtype !== undefined || 'bot_id' in message && message.bot_id) return;
    const { channel, ts, text = '', user } = message;
    if (!user) return;
    const threadTs = 'thread_ts' in message ? message.thread_ts : undefined;
    const isDirect = message.channel_type === 'im';
    if (!isDirect) {
      if (!threadTs || (boltContext.botUserId && text.includes(`<@${boltContext.botUserId}>`))) return;
      if (!(await context.itda.isKnownConversation(`${channel}:${threadTs}`))) return;
    }
    const conversationId = threadTs ? `${channel}:${threadTs}` : channel;
    const language = detectLanguage(text);
    const destination = { channel, threadTs: isDirect ? threadTs : threadTs ?? ts, userId: user };
    await answerSafely(
      context.logger,
      { eventId: (body as { event_id?: string }).event_id, userId: user, surface: isDirect ? 'dm' : 'thread' },
      (apology) => client.chat.postMessage({ channel, thread_ts: destination.threadTs, text: apology }),
      async () => {
        const replies = await context.itda.respond({ userId: user, conversationId, text });
        await deliverReplies(client, destination, replies, language);
      },
      language,
    );
  });
}
