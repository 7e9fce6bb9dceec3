import type { webApi } from '@slack/bolt';
import type { Language, Reply } from '../conversation/reply.js';
import { replyToBlocks } from './blocks/reply-blocks.js';

/** An answer's links are sources to follow, not previews to unfold under it. */
const NO_PREVIEWS = { unfurl_links: false, unfurl_media: false } as const;

export interface Destination {
  channel: string;
  threadTs?: string;
}

/**
 * Posts replies where the conversation is, uploading any files beside them. A message Slack
 * rejects as too long is sent again as plain text cut to size, so the user still gets an answer.
 */
export async function deliverReplies(client: webApi.WebClient, destination: Destination, replies: Reply[], language: Language): Promise<void> {
  for (const reply of replies) {
    const message = replyToBlocks(reply, language);
    try {
      await client.chat.postMessage({ channel: destination.channel, thread_ts: destination.threadTs, text: message.text, blocks: message.blocks, ...NO_PREVIEWS });
    } catch (error) {
      if (!isSlackError(error, 'msg_too_long') && !isSlackError(error, 'invalid_blocks')) throw error;
      await client.chat.postMessage({ channel: destination.channel, thread_ts: destination.threadTs, text: message.text.slice(0, 3900), ...NO_PREVIEWS });
    }
    for (const file of reply.files ?? []) {
      const where = destination.threadTs ? { channel_id: destination.channel, thread_ts: destination.threadTs } : { channel_id: destination.channel };
      await client.filesUploadV2({ ...where, file: file.content, filename: file.filename, title: file.title });
    }
  }
}

export function isSlackError(error: unknown, code: string): boolean {
  return (error as { data?: { error?: string } } | null)?.data?.error === code;
}
