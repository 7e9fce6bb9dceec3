/** A piece of text the retrieval core can find: a knowledge section chunk or a catalog asset. */
export interface RetrievableDocument {
  id: string;
  text: string;
  metadata: Record<string, unknown>;
}

export interface RetrievalHit {
  id: string;
  text: string;
  metadata: Record<string, unknown>;
  /** Fused score, higher is better; comparable only within one query. */
  score: number;
  /** Cosine similarity of query and document, -1..1. */
  vectorScore: number;
  /** BM25-style score normalised to 0..1 by the query's own best possible score. */
  lexicalScore: number;
  /** 0..1: IDF-weighted share of the query's n-grams found in the document (a confidence signal). */
  lexicalCoverage: number;
}
