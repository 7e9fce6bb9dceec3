import type { Language, Reply } from '../conversation/reply.js';

/** Block Kit's content as a terminal shows it: plain lines, sources and notes below, buttons numbered. */
export function renderReplyAsText(reply: Reply, language: Language, firstButtonNumber = 1): string {
  const lines = [reply.text.replace(/\*([^*\n]+)\*/g, '$1').replace(/`([^`\n]+)`/g, '$1')];
  if (reply.sources?.length) {
    const label = language === 'ko' ? '출처' : 'Sources';
    const asOf = language === 'ko' ? '기준일' : 'as of';
    lines.push(`📄 ${label}: ${reply.sources.map((source) => `${source.title} › ${source.section}${source.asOf ? ` (${asOf} ${source.asOf})` : ''}`).join(' · ')}`);
  }
  for (const note of [...(reply.authorNotes ?? []), ...(reply.notes ?? [])]) lines.push(`ℹ️  ${note}`);
  if (reply.buttons?.length) {
    const options = reply.buttons.map((button, index) => `[${firstButtonNumber + index}] ${button.label}`).join('  ');
    lines.push(`${options}  ${language === 'ko' ? '← 번호를 입력하세요' : '← type a number'}`);
  }
  return lines.join('\n');
}
