import type { App } from '@slack/bolt';
import { detectLanguage } from '../../../conversation/detect-language.js';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { deliverReplies } from '../../deliver-replies.js';
import type { ListenerContext } from '../../listener-context.js';

/** "@잇다 지원금은 얼마야?" in a channel: answered in the thread of the mention. */
export function registerAppMention(app: App, context: ListenerContext): void {
  app.event('app_mention', async ({ event, client, body }) => {
    if (('subtype' in event && event.subtype) || event.bot_id || !event.user) return;
    const threadTs = event.thread_ts ?? event.ts;
    const text = stripMentions(event.text);
    const language = detectLanguage(text);
    const destination = { channel: event.channel, threadTs, userId: event.user };
    await answerSafely(
      context.logger,
      { eventId: body.event_id, userId: event.user, surface: 'app_mention' },
      (apology) => client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, text: apology }),
      async () => {
        const replies = await context.itda.respond({ userId: event.user!, conversationId: `${event.channel}:${threadTs}`, text });
        await deliverReplies(client, destination, replies, language);
      },
      language,
    );
  });
}

export function stripMentions(text: string): string {
  return text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, ' ').replace(/\s+/g, ' ').trim();
}
