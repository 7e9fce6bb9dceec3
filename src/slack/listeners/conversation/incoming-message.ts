import { decodeSlackText } from '../../mrkdwn.js';

/** A file as a message event lists it (name, type, permalink); Itda never downloads it. */
export interface SharedFile {
  name: string;
  title: string;
  filetype: string;
  permalink?: string;
  size?: number;
  /** Where the bytes are (needs files:read); staff call documents are downloaded from here. */
  url_private_download?: string;
  url_private?: string;
}

/** What a listener needs from a message event, with the text as the person typed it. */
export interface IncomingSlackMessage {
  userId: string;
  channel: string;
  channelType: string;
  /** Absent only in malformed events; such a message is answered without the 👀. */
  ts?: string;
  threadTs?: string;
  text: string;
  files: SharedFile[];
}

/**
 * Slackbot's notices ("You have been removed from #…") come without a subtype, as if a person
 * wrote them; bots and Itda itself carry a bot_id. None of them is a question for Itda.
 */
const SYSTEM_USERS = new Set(['USLACKBOT']);

export function readMessage(message: Record<string, unknown>, botUserId?: string): IncomingSlackMessage | undefined {
  const userId = stringField(message, 'user');
  const channel = stringField(message, 'channel');
  const ts = stringField(message, 'ts');
  if (!userId || !channel || SYSTEM_USERS.has(userId) || message.bot_id || userId === botUserId) return undefined;
  const files = Array.isArray(message.files) ? (message.files as Record<string, unknown>[]) : [];
  return {
    userId,
    channel,
    channelType: stringField(message, 'channel_type') ?? 'channel',
    ts,
    threadTs: stringField(message, 'thread_ts'),
    text: withoutMentionOf(decodeSlackText(stringField(message, 'text') ?? ''), botUserId),
    files: files.map((file) => ({
      name: stringField(file, 'name') ?? '',
      title: stringField(file, 'title') ?? '',
      filetype: stringField(file, 'filetype') ?? '',
      permalink: stringField(file, 'permalink'),
      size: typeof file.size === 'number' ? file.size : undefined,
      url_private_download: stringField(file, 'url_private_download'),
      url_private: stringField(file, 'url_private'),
    })),
  };
}

export function mentions(message: Record<string, unknown>, botUserId: string | undefined): boolean {
  return Boolean(botUserId) && String(message.text ?? '').includes(`<@${botUserId}`);
}

/** "<@UITDA> 지원금은?" asks "지원금은?"; other people's mentions stay in the text. */
export function withoutMentionOf(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text.split(`<@${botUserId}>`).join(' ').replace(/\s+/g, ' ').trim();
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
