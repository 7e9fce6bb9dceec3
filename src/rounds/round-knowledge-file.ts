import { stringify } from 'yaml';
import type { Language } from '../messages/language.js';
import { formatDate } from '../program/deadline-status.js';
import type { RoundProposal } from './round-proposal.js';
import { factSentence, fieldLabel, formatFactValue } from './round-wording.js';
import { textIn } from '../messages/messages.js';

export interface KnowledgeFileText {
  /** File name inside knowledge/, e.g. "round-2026.md". */
  name: string;
  text: string;
}

/**
 * The approved call as knowledge files in our format: a Korean file and its English twin with
 * the same section ids. The first section lists each fact with the sentence it came from; the
 * rest are the call's own parts, so answers can cite them.
 */
export function roundKnowledgeFiles(proposal: RoundProposal, approvedBy: string, today: string): KnowledgeFileText[] {
  const id = proposal.round.id ?? 'new';
  return (['ko', 'en'] as const).map((language) => ({
    name: `round-${id}${language === 'en' ? '.en' : ''}.md`,
    text: render(proposal, id, language, approvedBy, today),
  }));
}

function render(proposal: RoundProposal, id: string, language: Language, approvedBy: string, today: string): string {
  const say = textIn(language);
  const title = say('rounds.knowledgeTitle', { id });
  const frontMatter = stringify({ title, language, as_of: today, sources: [say('rounds.knowledgeSource', { source: proposal.source, approvedBy, today })] }, { lineWidth: 0 }).trimEnd();
  const factLines = proposal.facts.map((fact) => {
    const value = fact.field === 'round.opens' || fact.field === 'round.deadline'
      ? `${formatDate(String(fact.value), language)} (${fact.value})`
      : formatFactValue(fact.field, fact.value, language);
    return `- ${fieldLabel(fact.field, language)}: ${value}. ${say('rounds.knowledgeFrom')}: "${oneLine(factSentence(fact, language))}"`;
  });
  const parts = proposal.sections.map((section, index) => [
    `## ${oneLine(say('rounds.knowledgePart', { heading: section.heading }))} {#round-${id}-part-${index + 1}}`,
    ...section.text.split('\n').map((line) => `- ${oneLine(line)}`),
  ].join('\n'));
  return [
    '---',
    frontMatter,
    '---',
    `# ${title}`,
    '',
    `## ${say('rounds.knowledgeFacts', { id })} {#round-${id}-facts}`,
    ...factLines,
    '',
    parts.join('\n\n'),
    '',
  ].join('\n');
}

/** Document text never becomes a heading marker or front-matter fence in our file. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\{#/g, '{ #').trim();
}
