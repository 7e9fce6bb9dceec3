import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import { textIn } from '../messages/messages.js';
import { replaceMaskedNameStars } from '../privacy/masked-names.js';

/**
 * Slack's *bold*, _italic_ and `code` markers dropped (a file_name keeps its underscores). Stars right after a letter or digit are part of a
 * masked name ("서**병원", "메**"), as in the published project list, and stay as written.
 */
function withoutMarkup(text: string): string {
  const masked: string[] = [];
  return replaceMaskedNameStars(text, (stars) => `\u0000${masked.push(stars) - 1}\u0000`)
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:!?])/gm, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\u0000(\d+)\u0000/g, (_, index: string) => masked[Number(index)]!);
}

/** Block Kit's content as a terminal shows it: plain lines, sources and notes below, buttons numbered. */
export function renderReplyAsText(reply: Reply, language: Language, firstButtonNumber = 1): string {
  const t = textIn(language);
  const lines = [withoutMarkup(reply.text)];
  if (reply.sources?.length) {
    const label = t('replies.sourcesLabel');
    const asOf = t('replies.asOf');
    lines.push(`📄 ${label}: ${reply.sources.map((source) => `${source.title} › ${source.section}${source.asOf ? ` (${asOf} ${source.asOf})` : ''}`).join(' · ')}`);
  }
  for (const note of [...(reply.authorNotes ?? []), ...(reply.notes ?? [])]) lines.push(`ℹ️  ${note}`);
  if (reply.buttons?.length) {
    const options = reply.buttons.map((button, index) => `[${firstButtonNumber + index}] ${button.label}`).join('  ');
    lines.push(`${options}  ${t('replies.typeANumber')}
`);
  }
  return lines.join('\n');
}
