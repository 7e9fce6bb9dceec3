import type { types } from '@slack/bolt';
import type { Language } from '../../messages/language.js';
import type { Reply } from '../../ports/reply.js';
import { escapeMrkdwn, replyTextToMrkdwn } from '../mrkdwn.js';
import { text as messageText } from '../../messages/messages.js';

type KnownBlock = types.KnownBlock;

/** Slack's limits: 3,000 characters in a section's text, 50 blocks in a message. */
const SECTION_LIMIT = 3000;
const BLOCK_LIMIT = 50;
const FALLBACK_LIMIT = 39_000;

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Turns a Reply into Block Kit, with a fallback text for notifications and old clients. Every
 * piece of text is escaped on the way (mrkdwn.ts): replies carry founders', models' and
 * catalog text, and none of it may become a mention, a broadcast or a disguised link.
 */
export function replyToBlocks(reply: Reply, language: Language = 'ko'): SlackMessage {
  const blocks: KnownBlock[] = splitIntoSections(replyTextToMrkdwn(reply.text, reply.mentions)).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
  if (reply.sources && reply.sources.length > 0) {
    const label = messageText(language, 'replies.sourcesLabel');
    const sources = reply.sources
      .map((source) => `${source.title} › ${source.section}${source.asOf ? ` (${messageText(language, 'replies.asOf')}
 ${source.asOf})` : ''}`)
      .join(' · ');
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(`📄 ${label}: ${escapeMrkdwn(sources)}`, SECTION_LIMIT) }] });
  }
  for (const note of [...(reply.authorNotes ?? []), ...(reply.notes ?? [])]) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(replyTextToMrkdwn(note), SECTION_LIMIT) }] });
  }
  const buttons = [...(reply.buttons ?? [])];
  if (reply.feedbackId) {
    buttons.push(
      { actionId: 'feedback_up', label: '👍', value: reply.feedbackId },
      { actionId: 'feedback_down', label: '👎', value: reply.feedbackId },
    );
  }
  if (buttons.length > 0) {
    blocks.push({
      type: 'actions',
      elements: buttons.slice(0, 25).map((button) => ({
        type: 'button',
        action_id: button.actionId,
        text: { type: 'plain_text', text: truncate(button.label, 75), emoji: true },
        value: truncate(button.value, 2000),
        ...(button.style ? { style: button.style } : {}),
      })),
    });
  }
  return { text: truncate(plainText(reply), FALLBACK_LIMIT), blocks: capBlocks(blocks) };
}

function plainText(reply: Reply): string {
  const titles = [...new Set((reply.sources ?? []).map((source) => source.title))];
  const sources = titles.length > 0 ? `\n(${titles.join(', ')})` : '';
  return replyTextToMrkdwn(`${reply.text}${sources}`, reply.mentions);
}

function splitIntoSections(text: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (const line of (text || ' ').split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= SECTION_LIMIT) {
      current = candidate;
      continue;
    }
    if (current) sections.push(current);
    current = line.length <= SECTION_LIMIT ? line : truncate(line, SECTION_LIMIT);
  }
  if (current) sections.push(current);
  return sections;
}

function capBlocks(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= BLOCK_LIMIT) return blocks;
  return [...blocks.slice(0, BLOCK_LIMIT - 1), { type: 'context', elements: [{ type: 'mrkdwn', text: '…' }] }];
}

/** Cut to size without leaving half an entity ("&am…") behind. */
function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1).replace(/&[a-z]{0,3}$/, '')}…`;
}
