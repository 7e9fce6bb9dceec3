import type { Language } from '../messages/language.js';
import { sectionsToShow, citationOf } from '../question-answering/cited-sections.js';
import type { LiveKnowledgeIndex } from '../question-answering/live-knowledge-index.js';
import type { KnowledgeLookup } from './knowledge-loop-ports.js';

/** The knowledge sections staff can point a ticket to, from the same live index founders are answered from. */
export function knowledgeLookup(knowledge: LiveKnowledgeIndex): KnowledgeLookup {
  return {
    async candidates(question, limit) {
      const search = knowledge.current.search;
      const hits = await search.search(question, limit * 3);
      return sectionsToShow(hits, search, 'ko', limit).map(({ chunk }) => ({
        ref: chunk.id,
        label: `${chunk.metadata.title} › ${chunk.metadata.heading}`,
      }));
    },
    section(ref, language: Language) {
      const search = knowledge.current.search;
      const chunk = search.chunks.find((candidate) => candidate.id === ref);
      if (!chunk) return undefined;
      const shown = search.twin(chunk.metadata, language) ?? chunk;
      return { text: shown.metadata.lines.join('\n'), citation: citationOf(shown) };
    },
    refresh: () => knowledge.reload(),
  };
}
