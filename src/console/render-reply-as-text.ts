import type { Language, Reply } from '../conversation/reply.js';
import { textIn } from '../messages/messages.js';

/** Block Kit's content as a terminal shows it: plain lines, sources and notes below, buttons numbered. */
export function renderReplyAsText(reply: Reply, language: Language, firstButtonNumber = 1): string {
  const t = textIn(language);
  const lines = [reply.text.replace(/\*([^*\n]+)\*/g, '$1').replace(/`([^`\n]+)`/g, '$1')];
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
