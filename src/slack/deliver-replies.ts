import type { webApi } from '@slack/bolt';
import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import { replyToBlocks } from './blocks/reply-blocks.js';
import type { DeliveryScope } from './durable-inbox/delivery-scope.js';
import { storedReplies } from './durable-inbox/stored-replies.js';
import { isSlackError } from './slack-error.js';
import { replyMetadata } from './durable-inbox/posted-replies.js';
import { text } from '../messages/messages.js';

/** An answer's links are sources to follow, not previews to unfold under it. */
const NO_PREVIEWS = { unfurl_links: false, unfurl_media: false } as const;

export interface Destination {
  channel: string;
  threadTs?: string;
  /** Who the conversation is with: staff-only replies in a channel are shown to them alone. */
  userId?: string;
}

/**
 * Posts replies where the conversation is, uploading any files beside them. While answering an
 * inbox event (its `scope`, from deliveryScopeOf(Bolt's context)) the replies are first stored in its outbox, and each one Slack accepts is
 * counted, so a crash neither loses nor repeats them.
 */
export async function deliverReplies(client: webApi.WebClient, destination: Destination, replies: Reply[], language: Language, scope?: DeliveryScope): Promise<void> {
  if (!scope) return postReplies(client, destination, replies, language);
  const apologised = scope.late && scope.outbox.length === 0;
  const toSend = apologised ? withDelayNote(replies, language) : replies;
  const batch = { destination, language, replies: storedReplies(toSend), delivered: 0, apologised };
  const inboxReply = { inboxId: scope.eventId, batch: scope.outbox.length };
  scope.outbox.push(batch);
  // A database that refuses the outbox must not also cost the user the answer: post it anyway.
  await scope.inbox.recordOutbox(scope.eventId, scope.outbox).catch(() => undefined);
  try {
    await postReplies(client, destination, toSend, language, 0, async (delivered) => {
      batch.delivered = delivered;
      if (delivered < toSend.length) await scope.inbox.recordOutbox(scope.eventId, scope.outbox);
    }, inboxReply);
  } catch (error) {
    scope.undelivered = true;
    throw error;
  }
}

/** An inbox event's outbox batch: each reply posted for it carries metadata naming it (posted-replies.ts). */
export interface InboxReply {
  inboxId: string;
  batch: number;
}

/** Posts replies from `from` on; `onDelivered` hears the count after each one Slack accepted. */
export async function postReplies(
  client: webApi.WebClient,
  destination: Destination,
  replies: Reply[],
  language: Language,
  from = 0,
  onDelivered?: (delivered: number) => Promise<void>,
  inboxReply?: InboxReply,
): Promise<void> {
  for (let index = from; index < replies.length; index += 1) {
    const metadata = inboxReply ? { metadata: replyMetadata({ ...inboxReply, index }) } : {};
    await postReply(client, destination, replies[index]!, language, metadata);
    await onDelivered?.(index + 1);
  }
}

export function withDelayNote(replies: Reply[], language: Language): Reply[] {
  const [first, ...rest] = replies;
  return first ? [{ ...first, text: `_${text(language, 'slack.delayNote')}_\n\n${first.text}` }, ...rest] : replies;
}

/** A message Slack rejects as too long is sent again as plain text cut to size, so the user still gets an answer. */
async function postReply(client: webApi.WebClient, destination: Destination, reply: Reply, language: Language, metadata: { metadata?: ReturnType<typeof replyMetadata> }): Promise<void> {
  const message = replyToBlocks(reply, language);
  if (reply.staffOnly && !isDirectMessage(destination.channel)) {
    // Never in the thread for everyone: ephemeral to the staff member who asked, or not at all.
    if (!destination.userId) return;
    await client.chat.postEphemeral({ channel: destination.channel, user: destination.userId, thread_ts: destination.threadTs, text: message.text, blocks: message.blocks });
    return;
  }
  try {
    await client.chat.postMessage({ channel: destination.channel, thread_ts: destination.threadTs, text: message.text, blocks: message.blocks, ...NO_PREVIEWS, ...metadata });
  } catch (error) {
    if (!isSlackError(error, 'msg_too_long') && !isSlackError(error, 'invalid_blocks')) throw error;
    await client.chat.postMessage({ channel: destination.channel, thread_ts: destination.threadTs, text: message.text.slice(0, 3900), ...NO_PREVIEWS, ...metadata });
  }
  for (const file of reply.files ?? []) {
    const where = destination.threadTs ? { channel_id: destination.channel, thread_ts: destination.threadTs } : { channel_id: destination.channel };
    await client.filesUploadV2({ ...where, file: file.content, filename: file.filename, title: file.title });
  }
}

/** Slack's DM channel ids start with D; channels, private channels and group DMs do not. */
function isDirectMessage(channel: string): boolean {
  return channel.startsWith('D');
}
