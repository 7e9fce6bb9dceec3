import { lexicalTerms } from './korean-aware-features.js';
import { PostingRanges, type LexicalPostings } from './posting-ranges.js';
import type { RetrievableDocument } from './retrievable-document.js';
import { topPositions } from './top-positions.js';

export type { LexicalPostings };

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

/** BM25's term-frequency saturation; PrunedLexicalScorer scores with the same constant. */
export const K1 = 1.2;
const B = 0.75;

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
  private readonly flat: LexicalPostings;
  /** Where each term's postings lie; the pruned scorer over these postings shares it. */
  readonly ranges: PostingRanges;
  private readonly scratch: { scores: Float64Array; matched: Float64Array };
  /** Positions the last query scored, zeroed at the start of the next. */
  private touched: number[] = [];

  constructor(documents: RetrievableDocument[], saved?: LexicalPostings) {
    this.ids = documents.map((document) => document.id);
    this.flat = saved ?? buildPostings(documents);
    this.lengthNorms = this.flat.lengthNorms;
    this.scratch = { scores: new Float64Array(documents.length), matched: new Float64Array(documents.length) };
    this.ranges = new PostingRanges(this.flat);
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
    const { positions, frequencies } = this.flat;
    const { terms, bestPossible } = this.ranges.queryTerms(query, expansions, documentCount);
    for (const { first, end, weightedIdf } of terms) {
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
