import type { QuestionAnswer } from '../ports/capabilities.js';
import type { Language } from '../messages/language.js';
import { citationOf } from './cited-sections.js';
import type { KnowledgeSearch } from './knowledge-search.js';
import { text as messageText } from '../messages/messages.js';

/**
 * A route answered by one fixed section (what Itda does, how to start a draft, staff matching):
 * its lines as written, with the section as the source.
 */
export function fixedSectionAnswer(reference: string, search: KnowledgeSearch, language: Language): QuestionAnswer | undefined {
  const [topic, sectionId] = reference.split('#') as [string, string];
  const section = search.section(topic, sectionId, language);
  if (!section) return undefined;
  const [first, ...rest] = section.metadata.lines;
  return {
    answer: [first!, ...rest.slice(0, 4).map((line) => `• ${line}`)].join('\n'),
    citations: [citationOf(section)],
    outOfScope: false,
    language,
    kind: 'answer',
  };
}

/** "고마워요", "ok thanks", "bye": a short reply, no document and nothing for the program office to answer. */
export function thanksAnswer(language: Language): QuestionAnswer {
  return { answer: messageText(language, 'qa.thanksReply'), citations: [], outOfScope: false, language, kind: 'thanks' };
}

/**
 * A message of several questions, answered part by part in order, each part under its own
 * question and with its own sources. Kind and scope are the parts' when they agree.
 */
export function combineParts(parts: string[], answers: QuestionAnswer[], language: Language): QuestionAnswer {
  // Two parts answered from one section ("심사 기준 공개돼있어? 발표평가도 있어?") each lead with
  // their own line; a bullet an earlier part already showed is not shown again.
  const shown = new Set<string>();
  const blocks = answers.map((answer, index) => {
    const sources = answer.citations.map((citation) => `${citation.title} › ${citation.section}`);
    const sourceLine = sources.length > 0 ? [`_${messageText(language, 'qa.partSource')}: ${[...new Set(sources)].join('; ')}_`] : [];
    const [lead, ...rest] = answer.answer.split('\n');
    // After a bare "확인이 필요합니다…" or "네…" opening, the first bullet is this part's fact: it stays.
    const keepFirst = lead === messageText(language, 'qa.needsConfirmation') || lead === messageText(language, 'qa.affirmedByDocuments') ? 1 : 0;
    const fresh = rest.filter((line, position) => position < keepFirst || !(line.startsWith('• ') && shown.has(line.slice(2))));
    for (const line of [lead!, ...rest]) shown.add(line.replace(/^• /, ''));
    return [`*${index + 1}) ${parts[index]!.replace(/[*_`]/g, '')}*`, lead!, ...fresh, ...sourceLine].join('\n');
  });
  const seen = new Set<string>();
  const citations = answers.flatMap((answer) => answer.citations).filter((citation) => {
    const key = `${citation.source}#${citation.section}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const kinds = new Set(answers.map((answer) => answer.kind));
  // A part the documents do not answer keeps the whole message "no_source", so the program office hears of it.
  const kind = kinds.size === 1 ? answers[0]!.kind : kinds.has('no_source') ? 'no_source' : 'answer';
  return { answer: blocks.join('\n\n'), citations, outOfScope: answers.every((answer) => answer.outOfScope), language, kind };
}
