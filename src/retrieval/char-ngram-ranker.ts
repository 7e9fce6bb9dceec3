import { lexicalTerms } from './korean-aware-features.js';
import type { RetrievableDocument } from './retrievable-document.js';
import { topPositions } from './top-positions.js';

export interface LexicalMatch {
  id: string;
  /** BM25 normalised by the query's best possible score, 0..1. */
  score: number;
  /** IDF-weighted share of the query's terms the document contains, 0..1. */
  coverage: number;
}

export interface LexicalRankOptions {
  k?: number;
  /** Glossary terms (synonyms, translations) searched with half the weight of the query's own. */
  expansions?: string[];
  filter?: (id: string) => boolean;
}

/** Bump when lexicalTerms (korean-aware-features.ts) changes, so saved postings are rebuilt. */
export const LEXICAL_FEATURES_VERSION = 1;

/** The ranker's state as flat arrays, for saving beside the index (lexical-index-file.ts). */
export interface LexicalPostings {
  terms: string[];
  /** Postings per term, in `terms` order. */
  postingLengths: Uint32Array;
  positions: Int32Array;
  frequencies: Float32Array;
  lengthNorms: Float64Array;
}

/** BM25's term-frequency saturation; PrunedLexicalScorer scores with the same constant. */
export const K1 = 1.2;
const B = 0.75;
const EXPANSION_WEIGHT = 0.5;

/**
 * BM25 over Korean-aware character n-grams (see korean-aware-features.ts) with an inverted index,
 * so a query only touches the documents sharing a term with it.
 */
export class CharNgramRanker {
  private readonly ids: string[];
  /** K1 × (1 − B + B × length / average length), precomputed per document. */
  private readonly lengthNorms: Float64Array;
  /**
   * Postings as flat arrays (term t owns positions[starts[t]..starts[t + 1]]), not an object per
   * term: a reload of saved postings then allocates one Map and a few views, whatever the vocabulary.
   */
  private readonly termIndex = new Map<string, number>();
  private readonly flat: LexicalPostings;
  private readonly starts: Uint32Array;
  private readonly scratch: { scores: Float64Array; matched: Float64Array };
  /** Positions the last query scored, zeroed at the start of the next. */
  private touched: number[] = [];

  constructor(documents: RetrievableDocument[], saved?: LexicalPostings) {
    this.ids = documents.map((document) => document.id);
    this.flat = saved ?? buildPostings(documents);
    this.lengthNorms = this.flat.lengthNorms;
    this.scratch = { scores: new Float64Array(documents.length), matched: new Float64Array(documents.length) };
    const { terms, postingLengths } = this.flat;
    this.starts = new Uint32Array(terms.length + 1);
    for (let term = 0; term < terms.length; term += 1) {
      this.termIndex.set(terms[term]!, term);
      this.starts[term + 1] = this.starts[term]! + postingLengths[term]!;
    }
  }

  /** The postings as flat arrays, for saving. */
  toPostings(): LexicalPostings {
    return this.flat;
  }

  rank(query: string, options: LexicalRankOptions = {}): LexicalMatch[] {
    const scores = this.scoreQuery(query, options.expansions ?? []);
    const accept = options.filter && ((position: number) => options.filter!(this.ids[position]!));
    return scores
      .top(options.k ?? 10, accept)
      .map((position) => ({ id: this.ids[position]!, score: scores.scoreOf(position), coverage: scores.coverageOf(position) }));
  }

  /**
   * Scores of every document for one query, addressed by position in the constructor's list.
   * Valid until the next call: the score arrays are reused (two arrays the size of the corpus
   * per query were most of a query's garbage at 300,000 documents), so read them synchronously.
   */
  scoreQuery(query: string, expansions: string[]): LexicalScores {
    const documentCount = this.ids.length;
    const { scores, matched } = this.scratch;
    for (const position of this.touched) {
      scores[position] = 0;
      matched[position] = 0;
    }
    const touched: number[] = [];
    this.touched = touched;
    let bestPossible = 0;
    const { positions, frequencies } = this.flat;
    for (const [term, weight] of queryTermWeights(query, expansions)) {
      const termNumber = this.termIndex.get(term);
      const first = termNumber === undefined ? 0 : this.starts[termNumber]!;
      const end = termNumber === undefined ? 0 : this.starts[termNumber + 1]!;
      const documentFrequency = end - first;
      const weightedIdf = weight * bm25Idf(documentCount, documentFrequency);
      // A document holding each query term once, at average length, scores exactly the sum of weight × idf.
      bestPossible += weightedIdf;
      for (let index = first; index < end; index += 1) {
        const position = positions[index]!;
        const frequency = frequencies[index]!;
        if (matched[position] === 0) touched.push(position);
        scores[position]! += (weightedIdf * frequency * (K1 + 1)) / (frequency + this.lengthNorms[position]!);
        matched[position]! += weightedIdf;
      }
    }
    const scale = bestPossible > 0 ? 1 / bestPossible : 0;
    return {
      scoreOf: (position) => Math.min(scores[position]! * scale, 1),
      coverageOf: (position) => Math.min(matched[position]! * scale, 1),
      top: (n, accept) => topPositions(touched, scores, n, accept),
    };
  }
}

export interface LexicalScores {
  /** 0..1, BM25 divided by the query's best possible score. */
  scoreOf(position: number): number;
  coverageOf(position: number): number;
  /** Best n positions with a shared term, best first, ties to the lower position. */
  top(n: number, accept?: (position: number) => boolean): number[];
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

/** Tokenises every document once and lays the postings out flat, term by term. */
function buildPostings(documents: RetrievableDocument[]): LexicalPostings {
  const lengths = new Float64Array(documents.length);
  const building = new Map<string, { positions: number[]; frequencies: number[] }>();
  documents.forEach((document, position) => {
    const terms = lexicalTerms(document.text);
    lengths[position] = terms.length;
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) {
      let posting = building.get(term);
      if (!posting) building.set(term, (posting = { positions: [], frequencies: [] }));
      posting.positions.push(position);
      posting.frequencies.push(count);
    }
  });
  const terms: string[] = [];
  const postingLengths = new Uint32Array(building.size);
  let total = 0;
  for (const [term, posting] of building) {
    postingLengths[terms.length] = posting.positions.length;
    terms.push(term);
    total += posting.positions.length;
  }
  const positions = new Int32Array(total);
  const frequencies = new Float32Array(total);
  let offset = 0;
  for (const posting of building.values()) {
    for (let index = 0; index < posting.positions.length; index += 1) {
      positions[offset + index] = posting.positions[index]!;
      frequencies[offset + index] = posting.frequencies[index]!;
    }
    offset += posting.positions.length;
  }
  let totalLength = 0;
  for (const length of lengths) totalLength += length;
  const averageLength = documents.length === 0 ? 1 : Math.max(totalLength / documents.length, 1);
  const lengthNorms = lengths.map((length) => K1 * (1 - B + (B * length) / averageLength));
  return { terms, postingLengths, positions, frequencies, lengthNorms };
}
