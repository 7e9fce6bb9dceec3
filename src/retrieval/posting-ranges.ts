import { lexicalTerms } from './korean-aware-features.js';

/** The ranker's state as flat arrays, for saving beside the index (lexical-index-file.ts). */
export interface LexicalPostings {
  terms: string[];
  /** Postings per term, in `terms` order. */
  postingLengths: Uint32Array;
  positions: Int32Array;
  frequencies: Float32Array;
  lengthNorms: Float64Array;
}

/** A glossary expansion's terms weigh half a query's own. */
const EXPANSION_WEIGHT = 0.5;

/** One query term: where its postings lie (term t owns positions[first..end]) and weight × BM25 idf. */
export interface WeightedQueryTerm {
  term: number;
  first: number;
  end: number;
  weightedIdf: number;
}

/**
 * Where each term's postings lie in the flat arrays, and a query's terms found there: one
 * vocabulary map for the postings, shared by the full BM25 ranker and the pruned scorer over
 * the same postings, so both weigh a query's terms alike and the map is built once.
 */
export class PostingRanges {
  private readonly termIndex = new Map<string, number>();
  /** Term t owns positions[starts[t]..starts[t + 1]]. */
  readonly starts: Uint32Array;

  constructor(readonly postings: LexicalPostings) {
    const { terms, postingLengths } = postings;
    this.starts = new Uint32Array(terms.length + 1);
    for (let term = 0; term < terms.length; term += 1) {
      this.termIndex.set(terms[term]!, term);
      this.starts[term + 1] = this.starts[term]! + postingLengths[term]!;
    }
  }

  /**
   * A query's terms that some document holds, in the query's order, and the query's best
   * possible score: a document holding each query term once, at average length, scores exactly
   * the sum of weight × idf (terms no document holds count too).
   */
  queryTerms(query: string, expansions: string[], documentCount: number): { terms: WeightedQueryTerm[]; bestPossible: number } {
    const terms: WeightedQueryTerm[] = [];
    let bestPossible = 0;
    for (const [text, weight] of queryTermWeights(query, expansions)) {
      const term = this.termIndex.get(text);
      const first = term === undefined ? 0 : this.starts[term]!;
      const end = term === undefined ? 0 : this.starts[term + 1]!;
      const weightedIdf = weight * bm25Idf(documentCount, end - first);
      bestPossible += weightedIdf;
      if (term !== undefined && end > first) terms.push({ term, first, end, weightedIdf });
    }
    return { terms, bestPossible };
  }
}

/** BM25's inverse document frequency of a term held by `documentFrequency` of `documentCount` documents. */
export function bm25Idf(documentCount: number, documentFrequency: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** A query's terms and their weights: its own terms 1, glossary expansions EXPANSION_WEIGHT. */
export function queryTermWeights(query: string, expansions: string[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const expansion of expansions) for (const term of lexicalTerms(expansion)) weights.set(term, EXPANSION_WEIGHT);
  for (const term of lexicalTerms(query)) weights.set(term, 1);
  return weights;
}
