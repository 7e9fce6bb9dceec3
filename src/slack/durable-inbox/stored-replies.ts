import type { Reply, ReplyFile } from '../../ports/reply.js';

type StoredFile = Omit<ReplyFile, 'content'> & { content: string };
type StoredReply = Omit<Reply, 'files'> & { files?: StoredFile[] };

/** Replies as JSON for the outbox: file contents travel as base64. */
export function storedReplies(replies: Reply[]): StoredReply[] {
  return replies.map(({ files, ...reply }) => (files ? { ...reply, files: files.map((file) => ({ ...file, content: file.content.toString('base64') })) } : reply));
}

export function repliesFromStore(stored: unknown[]): Reply[] {
  return (stored as StoredReply[]).map(({ files, ...reply }) =>
    files ? { ...reply, files: files.map((file) => ({ ...file, content: Buffer.from(file.content, 'base64') })) } : reply,
  );
}
