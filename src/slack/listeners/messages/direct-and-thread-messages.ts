import type { ListenerRegistry } from '../listener-router.js';
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerContext } from '../../listener-context.js';
import { answerInConversation, type ConversationTurn } from '../conversation/answer-in-conversation.js';
import type { AnsweredMessages } from '../conversation/answered-messages.js';
import { mentions, readMessage, type IncomingSlackMessage } from '../conversation/incoming-message.js';
import { deliveryScopeOf } from '../../durable-inbox/delivery-scope.js';
import { sharedFileReplies } from './shared-files.js';
import { shareCallDocumentWithItda } from './staff-call-documents.js';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/**
 * Messages people write: DMs, follow-ups in a thread Itda already answered in (channels,
 * private channels, group DMs), replies also sent to the channel (thread_broadcast) and
 * messages with files (file_share). Edits, deletions, joins and other system subtypes never
 * reach a listener; Slackbot's notices and bots are dropped in readMessage. Itda's own
 * messages are dropped by Bolt's ignoreSelf.
 */
export function registerDirectAndThreadMessages(app: ListenerRegistry, context: ListenerContext, answered: AnsweredMessages): void {
  const answer = async ({ message, client, body, context: bolt }: MessageArgs) => {
    const raw = message as unknown as Record<string, unknown>;
    const incoming = readMessage(raw, bolt.botUserId);
    if (!incoming) return;
    const turn = await turnFor(context, answered, incoming, mentions(raw, bolt.botUserId));
    if (!turn) return;
    const isFileShare = (message as { subtype?: string }).subtype === 'file_share';
    // A call document from staff goes to round review (src/rounds), and only there.
    if (isFileShare && incoming.channelType === 'im' && (await shareCallDocumentWithItda(client, context, {
      userId: incoming.userId,
      destination: { channel: incoming.channel, threadTs: incoming.threadTs },
      files: incoming.files,
      botToken: bolt.botToken ?? '',
      scope: deliveryScopeOf(bolt),
    }))) return;
    const extraReplies = isFileShare ? sharedFileReplies(incoming) : [];
    if (isFileShare && incoming.text === '' && extraReplies.length === 0) return;
    await answerInConversation(context, client, { ...turn, eventId: (body as { event_id?: string }).event_id, scope: deliveryScopeOf(bolt), extraReplies });
  };
  app.message(writtenByAPerson, answer);
}

/** A person's plain message has no subtype; these two are also people writing. One check, not three listeners each run per message. */
const PERSON_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

async function writtenByAPerson({ message, next }: MessageArgs): Promise<void> {
  if (PERSON_SUBTYPES.has((message as { subtype?: string }).subtype)) await next();
}

/**
 * Whether and where a message is answered. A DM always is. Elsewhere Itda speaks when it is
 * mentioned (channels leave that to app_mention; a group DM answers here too, once) or when
 * the thread is one it already answered in.
 */
async function turnFor(context: ListenerContext, answered: AnsweredMessages, message: IncomingSlackMessage, mentioned: boolean): Promise<Omit<ConversationTurn, 'eventId'> | undefined> {
  const { channel, ts, threadTs, userId, text } = message;
  if (message.channelType === 'im') {
    return { surface: 'dm', channel, threadTs, userId, isPrivate: true, messageTs: ts, text, conversationId: threadTs ? `${channel}:${threadTs}` : channel };
  }
  if (mentioned && message.channelType !== 'mpim') return undefined;
  const conversationId = `${channel}:${threadTs ?? ts}`;
  if (!ts || (!mentioned && (!threadTs || !(await context.itda.isKnownConversation(conversationId))))) return undefined;
  if (!answered.claim(channel, ts)) return undefined;
  return { surface: message.channelType === 'mpim' ? 'mpim' : 'thread', channel, threadTs: threadTs ?? ts, userId, isPrivate: false, messageTs: ts, text, conversationId };
}
