import type { webApi } from '@slack/bolt';
import type { Logger } from '../../observability/logger.js';

/** Where a reply went (deliver-replies.ts's Destination; named here so neither file imports the other). */
interface Conversation {
  channel: string;
  threadTs?: string;
}

/** The metadata event type on every reply Itda posts for an inbox event. */
export const REPLY_EVENT_TYPE = 'itda_reply';

/** Which reply of which inbox event a Slack message is: batch and position in the event's outbox. */
export interface ReplyTag {
  inboxId: string;
  batch: number;
  index: number;
}

/** Slack message metadata naming the reply, so a restart can tell whether Slack already has it. */
export function replyMetadata(tag: ReplyTag): { event_type: string; event_payload: Record<string, string> } {
  return { event_type: REPLY_EVENT_TYPE, event_payload: { inbox_id: tag.inboxId, reply: `${tag.batch}.${tag.index}` } };
}

/** The newest messages of the conversation looked through: a restart follows the crash closely. */
const MESSAGES_LOOKED_AT = 200;

/**
 * After a crash, the one reply per event that may have reached Slack without Itda hearing back
 * (posted, then killed before it was counted) is looked for in the conversation by its
 * metadata. Found: it counts as delivered and is not posted again. The look-up failing (no
 * history scope, Slack down) means "not found": a repeated answer beats a lost one.
 */
export async function alreadyPosted(client: webApi.WebClient, destination: Conversation, tag: ReplyTag, logger: Logger): Promise<boolean> {
  const expected = replyMetadata(tag).event_payload;
  try {
    const page = destination.threadTs
      ? await client.conversations.replies({ channel: destination.channel, ts: destination.threadTs, include_all_metadata: true, limit: MESSAGES_LOOKED_AT })
      : await client.conversations.history({ channel: destination.channel, include_all_metadata: true, limit: MESSAGES_LOOKED_AT });
    return (page.messages ?? []).some((message) => {
      const metadata = (message as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }).metadata;
      return metadata?.event_type === REPLY_EVENT_TYPE && metadata.event_payload?.inbox_id === expected.inbox_id && metadata.event_payload?.reply === expected.reply;
    });
  } catch (error) {
    logger.warn({ err: error, inboxId: tag.inboxId }, 'could not check whether a reply was posted before the restart; posting it');
    return false;
  }
}
