import type { ListenerRegistry } from '../listener-router.js';
import type { ListenerContext } from '../../listener-context.js';
import { answerInConversation } from '../conversation/answer-in-conversation.js';
import type { AnsweredMessages } from '../conversation/answered-messages.js';
import { readMessage } from '../conversation/incoming-message.js';
import { deliveryScopeOf } from '../../durable-inbox/delivery-scope.js';

/** "@잇다 지원금은 얼마야?" in a channel or group DM: answered in the thread of the mention. */
export function registerAppMention(app: ListenerRegistry, context: ListenerContext, answered: AnsweredMessages): void {
  app.event('app_mention', async ({ event, client, body, context: bolt }) => {
    if ('subtype' in event && event.subtype) return;
    const mention = readMessage(event as unknown as Record<string, unknown>, bolt.botUserId);
    if (!mention?.ts || !answered.claim(mention.channel, mention.ts)) return;
    const threadTs = mention.threadTs ?? mention.ts;
    await answerInConversation(context, client, {
      surface: 'app_mention',
      eventId: body.event_id,
      scope: deliveryScopeOf(bolt),
      userId: mention.userId,
      channel: mention.channel,
      threadTs,
      isPrivate: false,
      messageTs: mention.ts,
      conversationId: `${mention.channel}:${threadTs}`,
      text: mention.text,
    });
  });
}

