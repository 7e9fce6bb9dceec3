import { HybridSearchIndex } from '../retrieval/hybrid-search-index.js';
import type { NamedEmbeddings } from '../retrieval/named-embeddings.js';

export interface QuestionCandidate {
  id: string;
  /** Every wording of the question so far (the first asker's and those who joined). */
  texts: string[];
}

export interface SimilarityThresholds {
  /** Cosine of the two questions' embeddings. */
  minVector: number;
  /** IDF-weighted share of the new question's n-grams found in the candidate. */
  minCoverage: number;
}

/**
 * Chosen on the dev pairs of eval/ticket-duplicates.yaml (test/knowledge-loop/duplicate-questions.test.ts
 * prints dev and test precision and recall). A wrong join sends one founder the answer to
 * another's question, a missed one only costs staff a second ticket, so these favour precision:
 * no false join on dev, at the price of missing paraphrases with different words.
 */
export const DUPLICATE_THRESHOLDS: SimilarityThresholds = { minVector: 0.6, minCoverage: 0.1 };

/**
 * Finds the open ticket asking the same thing, with the same retrieval core (embedder plus
 * Korean-aware n-grams) the knowledge search uses, over the tickets' own wordings.
 */
export class SimilarQuestionFinder {
  constructor(
    private readonly embeddings: NamedEmbeddings,
    private readonly thresholds: SimilarityThresholds = DUPLICATE_THRESHOLDS,
  ) {}

  async nearest(question: string, candidates: QuestionCandidate[]): Promise<{ id: string; vectorScore: number; coverage: number } | undefined> {
    const scored = await this.score(question, candidates);
    const best = scored[0];
    if (!best || best.vectorScore < this.thresholds.minVector || best.coverage < this.thresholds.minCoverage) return undefined;
    return best;
  }

  /** Every candidate's best-matching wording, best first: the raw signals `nearest` decides on. */
  async score(question: string, candidates: QuestionCandidate[]): Promise<{ id: string; vectorScore: number; coverage: number }[]> {
    const documents = candidates.flatMap((candidate) => candidate.texts.map((text, n) => ({ id: `${candidate.id}#${n}`, text: wordsOnly(text), metadata: { candidate: candidate.id } })));
    if (documents.length === 0) return [];
    const { index } = await HybridSearchIndex.build(documents, { embeddings: this.embeddings, name: 'ticket-questions' });
    const hits = await index.search(wordsOnly(question), { k: documents.length });
    const best = new Map<string, { id: string; vectorScore: number; coverage: number }>();
    for (const hit of hits) {
      const id = String(hit.metadata.candidate);
      const previous = best.get(id);
      const strength = hit.vectorScore + hit.lexicalCoverage;
      if (!previous || strength > previous.vectorScore + previous.coverage) best.set(id, { id, vectorScore: hit.vectorScore, coverage: hit.lexicalCoverage });
    }
    return [...best.values()].sort((left, right) => right.vectorScore + right.coverage - (left.vectorScore + left.coverage));
  }
}

/**
 * Slack markup in what founders typed (mentions, links, "<!channel>") says nothing about the
 * question; nor does what it becomes once decoded (mrkdwn.ts): "label (url)", "@channel".
 */
function wordsOnly(text: string): string {
  return text
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/\S*\(?(?:https?:\/\/|mailto:)[^\s)]*\)?/g, ' ')
    .replace(/@(?:channel|here|everyone)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim() || text;
}
