import { Document } from '@langchain/core/documents';
import { BaseRetriever } from '@langchain/core/retrievers';
import type { KnowledgeChunkMetadata } from '../knowledge/chunk-by-headings.js';
import type { KnowledgeSearch } from './knowledge-search.js';

/** A knowledge section as LangChain sees it: where it comes from, and how the search scored it. */
export interface KnowledgeDocumentMetadata extends KnowledgeChunkMetadata {
  /** The chunk id ("faq#grant-amount:ko"). */
  id: string;
  /** The citation's `section`: the heading the answer quotes. */
  section: string;
  score: number;
  vectorScore: number;
  lexicalScore: number;
  lexicalCoverage: number;
}

/**
 * The knowledge search (hybrid vectors and words, glossary expansion, both languages) as a
 * LangChain retriever: `invoke(question)` gives the best `k` sections as `Document`s whose
 * metadata carries the source file, title, section heading and scores, so any chain can cite them.
 */
export class KnowledgeRetriever extends BaseRetriever<KnowledgeDocumentMetadata> {
  override lc_namespace = ['itda', 'question_answering'];

  constructor(
    private readonly search: KnowledgeSearch,
    private readonly k: number,
    /** The query's glossary expansions when the caller has them already (they are the same for the same query). */
    private readonly expansions?: string[],
  ) {
    super();
  }

  override async _getRelevantDocuments(query: string): Promise<Document<KnowledgeDocumentMetadata>[]> {
    const hits = await this.search.search(query, this.k, [], this.expansions);
    return hits.map(
      (hit) =>
        new Document<KnowledgeDocumentMetadata>({
          id: hit.id,
          pageContent: hit.text,
          metadata: {
            ...hit.metadata,
            id: hit.id,
            section: hit.metadata.heading,
            score: hit.score,
            vectorScore: hit.vectorScore,
            lexicalScore: hit.lexicalScore,
            lexicalCoverage: hit.lexicalCoverage,
          },
        }),
    );
  }
}
