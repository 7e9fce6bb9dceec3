import type { webApi } from '@slack/bolt';
import { answerSafely } from '../../../conversation/answer-safely.js';
import { detectLanguage } from '../../../messages/detect-language.js';
import type { Reply } from '../../../ports/reply.js';
import type { DeliveryScope } from '../../durable-inbox/delivery-scope.js';
import type { ListenerContext } from '../../listener-context.js';
import { deliverToConversation, postToAuthor, type ConversationPlace } from './deliver-to-conversation.js';
import { whileWorking } from './working-indicator.js';

export interface ConversationTurn extends ConversationPlace {
  surface: string;
  eventId?: string;
  /** The inbox event being answered (deliveryScopeOf(Bolt's context)): replies go to its outbox first. */
  scope?: DeliveryScope;
  /** The message being answered: it carries the 👀 while Itda works. */
  messageTs?: string;
  conversationId: string;
  text: string;
  /** Replies of the listener's own to add after the engine's (e.g. the offer for a shared plan). */
  extraReplies?: Reply[];
}

/**
 * One turn of a mention, DM, thread follow-up or group DM: 👀 while working on a slow answer, the engine's
 * replies in place, an error apology only to the author when others can see the thread.
 */
export function answerInConversation(context: ListenerContext, client: webApi.WebClient, turn: ConversationTurn): Promise<void> {
  const language = detectLanguage(turn.text);
  return whileWorking(client, context.logger, { channel: turn.channel, ts: turn.messageTs }, () =>
    answerSafely(
      context.logger,
      { eventId: turn.eventId, userId: turn.userId, surface: turn.surface },
      (apology) =>
        turn.isPrivate
          ? client.chat.postMessage({ channel: turn.channel, thread_ts: turn.threadTs, text: apology })
          : postToAuthor(client, turn, { text: apology }, language),
      async () => {
        // A file shared without a word gets only Itda's own reply to the file.
        const replies = turn.text === '' && turn.extraReplies?.length ? [] : await context.itda.respond({ userId: turn.userId, conversationId: turn.conversationId, text: turn.text });
        await deliverToConversation(client, turn, [...replies, ...(turn.extraReplies ?? [])], language, turn.scope);
      },
      language,
    ),
    context.workingStatusDelayMs,
  );
}
