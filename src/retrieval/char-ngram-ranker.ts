import { lexicalTerms } from './korean-aware-features.js';
import type { RetrievableDocument } from './retrievable-document.js';

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

interface Posting {
  positions: Int32Array;
  frequencies: Float32Array;
}

const K1 = 1.2;
const B = 0.75;
const EXPANSION_WEIGHT = 0.5;

/**
 * BM25 over Korean-aware character n-grams (see korean-aware-features.ts) with an inverted index,
 * so a query only touches the documents sharing a term with it.
 */
export class CharNgramRanker {
  private readonly ids: string[];
  private readonly lengths: Float32Array;
  private readonly averageLength: number;
  private readonly postings = new Map<string, Posting>();

  constructor(documents: RetrievableDocument[]) {
    this.ids = documents.map((document) => document.id);
    this.lengths = new Float32Array(documents.length);
    const building = new Map<string, { positions: number[]; frequencies: number[] }>();
    documents.forEach((document, position) => {
      const terms = lexicalTerms(document.text);
      this.lengths[position] = terms.length;
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, count] of counts) {
        let posting = building.get(term);
        if (!posting) building.set(term, (posting = { positions: [], frequencies: [] }));
        posting.positions.push(position);
        posting.frequencies.push(count);
      }
    });
    for (const [term, posting] of building) {
      this.postings.set(term, { positions: Int32Array.from(posting.positions), frequencies: Float32Array.from(posting.frequencies) });
    }
    const totalLength = this.lengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = documents.length === 0 ? 1 : Math.max(totalLength / documents.length, 1);
  }

  rank(query: string, options: LexicalRankOptions = {}): LexicalMatch[] {
    const scores = this.scoreQuery(query, options.expansions ?? []);
    const matches: LexicalMatch[] = [];
    for (const [position, { score, coverage }] of scores) {
      const id = this.ids[position]!;
      if (!options.filter || options.filter(id)) matches.push({ id, score, coverage });
    }
    matches.sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
    return matches.slice(0, options.k ?? 10);
  }

  /** Scores of every document sharing a term with the query, by position in the constructor's list. */
  scoreQuery(query: string, expansions: string[]): Map<number, { score: number; coverage: number }> {
    const weights = queryTermWeights(query, expansions);
    const documentCount = this.ids.length;
    let bestPossible = 0;
    const raw = new Map<number, { score: number; matched: number }>();
    for (const [term, weight] of weights) {
      const posting = this.postings.get(term);
      const documentFrequency = posting?.positions.length ?? 0;
      const idf = Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
      // A document holding each query term once, at average length, scores exactly weight × idf.
      bestPossible += weight * idf;
      if (!posting) continue;
      for (let index = 0; index < posting.positions.length; index += 1) {
        const position = posting.positions[index]!;
        const frequency = posting.frequencies[index]!;
        const lengthRatio = this.lengths[position]! / this.averageLength;
        const termScore = (weight * idf * frequency * (K1 + 1)) / (frequency + K1 * (1 - B + B * lengthRatio));
        const entry = raw.get(position);
        if (entry) {
          entry.score += termScore;
          entry.matched += weight * idf;
        } else raw.set(position, { score: termScore, matched: weight * idf });
      }
    }
    const scores = new Map<number, { score: number; coverage: number }>();
    if (bestPossible <= 0) return scores;
    for (const [position, { score, matched }] of raw) {
      scores.set(position, { score: Math.min(score / bestPossible, 1), coverage: Math.min(matched / bestPossible, 1) });
    }
    return scores;
  }
}

function queryTermWeights(query: string, expansions: string[]): Map<string, number> {
  const weights = new Map<string, number>();
  for (const expansion of expansions) for (const term of lexicalTerms(expansion)) weights.set(term, EXPANSION_WEIGHT);
  for (const term of lexicalTerms(query)) weights.set(term, 1);
  return weights;
}
