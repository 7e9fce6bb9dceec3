import type { webApi } from '@slack/bolt';
import type { Language } from '../../../messages/language.js';
import type { Reply } from '../../../ports/reply.js';
import { replyToBlocks } from '../../blocks/reply-blocks.js';
import { deliverReplies } from '../../deliver-replies.js';
import type { DeliveryScope } from '../../durable-inbox/delivery-scope.js';

/** Where a conversation's replies go, and who alone should see what is meant for one person. */
export interface ConversationPlace {
  channel: string;
  threadTs?: string;
  userId: string;
  /** A DM or the assistant pane: only the author reads it anyway. */
  isPrivate: boolean;
}

/**
 * In a channel, what is meant for the author alone (what was redacted, "slow down", an error)
 * is posted with chat.postEphemeral; everyone else sees only the answer. In a DM all of it is
 * one message.
 */
export async function deliverToConversation(client: webApi.WebClient, place: ConversationPlace, replies: Reply[], language: Language, scope?: DeliveryScope): Promise<void> {
  const destination = { channel: place.channel, threadTs: place.threadTs, userId: place.userId };
  if (place.isPrivate) return deliverReplies(client, destination, replies, language, scope);
  const shared: Reply[] = [];
  for (const reply of replies) {
    if (reply.onlyForAuthor) {
      await postToAuthor(client, place, reply, language);
      continue;
    }
    if (reply.authorNotes?.length) await postToAuthor(client, place, { text: reply.authorNotes.join('\n') }, language);
    shared.push({ ...reply, authorNotes: undefined });
  }
  await deliverReplies(client, destination, shared, language, scope);
}

export async function postToAuthor(client: webApi.WebClient, place: ConversationPlace, reply: Reply, language: Language): Promise<void> {
  const message = replyToBlocks(reply, language);
  await client.chat.postEphemeral({ channel: place.channel, user: place.userId, thread_ts: place.threadTs, text: message.text, blocks: message.blocks });
}
