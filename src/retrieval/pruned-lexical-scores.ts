import { K1, type LexicalPostings, type LexicalScores } from './char-ngram-ranker.js';
import type { PostingRanges } from './posting-ranges.js';
import { topPositions } from './top-positions.js';

/** Bounds are compared with this much slack, so a rounding difference never drops a true top document. */
const SLACK = 1e-9;

interface QueryTerm {
  first: number;
  end: number;
  weightedIdf: number;
  /** The most this term adds to any document's score. */
  bound: number;
}

/**
 * CharNgramRanker.scoreQuery's BM25 scores for a caller that wants only the best `n` documents
 * (the hybrid search's lexical pool) of a large corpus, optionally among those a filter lets
 * through. Only the accepted documents are scored, and terms are taken by the most they can add
 * to a score; once the terms left could not lift a document not yet seen above the n-th best so
 * far, they are looked up only for the documents that can still make the cut (max-score
 * pruning). The top n and every score handed out are exact (summed in that term order, so equal
 * to the ranker's to rounding): a document skipped on the way is summed afresh when asked for.
 * Measured on the 10k-team catalog: half the lexical cost of a query filtered to one asset type
 * in eight, about the same unfiltered (the common n-grams' bounds are too high to stop early).
 */
export class PrunedLexicalScorer {
  private readonly postings: LexicalPostings;
  private readonly starts: Uint32Array;
  /** Largest term-frequency part of BM25 per term; NaN until a query first needs it. */
  private readonly largestPart: Float64Array;
  private readonly scores: Float64Array;
  private readonly matched: Float64Array;
  /** 1: summed over every query term (exact); 0: partly or not at all. */
  private readonly complete: Uint8Array;
  /** 1 for the documents still able to make the cut while the last terms are looked up. */
  private readonly live: Uint8Array;
  /**
   * Positions the last query touched (the first `touchedCount`), then the candidates still able
   * to make the cut: scratch the size of the corpus, reused, because per-query arrays of up to
   * 300,000 positions were most of a 100k-team query's garbage.
   */
  private readonly touched: Int32Array;
  private readonly candidates: Int32Array;
  private touchedCount = 0;
  /** Positions summed afresh because a caller asked for them (see `exact`), zeroed with the rest. */
  private asked: number[] = [];
  private completed: ArrayLike<number> = [];
  /** The n best scores so far, as a min-heap, for the threshold. */
  private best = new Float64Array(0);

  /** Over the ranker's postings and their ranges (CharNgramRanker.ranges): the vocabulary map is the ranker's. */
  constructor(private readonly ranges: PostingRanges) {
    this.postings = ranges.postings;
    this.starts = ranges.starts;
    const { terms, lengthNorms } = this.postings;
    this.largestPart = new Float64Array(terms.length).fill(Number.NaN);
    this.scores = new Float64Array(lengthNorms.length);
    this.matched = new Float64Array(lengthNorms.length);
    this.complete = new Uint8Array(lengthNorms.length);
    this.live = new Uint8Array(lengthNorms.length);
    this.touched = new Int32Array(lengthNorms.length);
    this.candidates = new Int32Array(lengthNorms.length);
  }

  /**
   * Scores for one query, valid until the next call. `top(k)` is exact for k ≤ n among the
   * positions `accepted` lets through (all when absent).
   */
  scoreQuery(query: string, expansions: string[], n: number, accepted?: Uint8Array): LexicalScores {
    const { scores, matched, complete, touched } = this;
    this.forgetLastQuery();
    const documentCount = scores.length;
    const { positions, frequencies, lengthNorms } = this.postings;
    const found = this.ranges.queryTerms(query, expansions, documentCount);
    const bestPossible = found.bestPossible;
    const terms: QueryTerm[] = found.terms.map(({ term, first, end, weightedIdf }) => ({ first, end, weightedIdf, bound: weightedIdf * this.largestPartOf(term) }));
    terms.sort((left, right) => right.bound - left.bound);
    const left = new Float64Array(terms.length + 1);
    for (let index = terms.length - 1; index >= 0; index -= 1) left[index] = left[index + 1]! + terms[index]!.bound;

    const add = (position: number, frequency: number, term: QueryTerm) => {
      scores[position]! += (term.weightedIdf * frequency * (K1 + 1)) / (frequency + lengthNorms[position]!);
      matched[position]! += term.weightedIdf;
    };
    // Every term in full while a document not yet seen could still reach the top n.
    let touchedCount = 0;
    let threshold = -Infinity;
    let walkedSinceThreshold = 0;
    let next = 0;
    for (; next < terms.length; next += 1) {
      if (touchedCount >= n && left[next]! < threshold * (1 - SLACK)) break;
      if (touchedCount >= n && walkedSinceThreshold >= touchedCount) {
        // Recomputed only after walking as many postings as there are candidates, so it costs no more than the walk.
        threshold = this.nthBest(touched, touchedCount, n);
        walkedSinceThreshold = 0;
        if (left[next]! < threshold * (1 - SLACK)) break;
      }
      const term = terms[next]!;
      for (let index = term.first; index < term.end; index += 1) {
        const position = positions[index]!;
        if (accepted && accepted[position] !== 1) continue;
        if (matched[position] === 0) touched[touchedCount++] = position;
        add(position, frequencies[index]!, term);
      }
      walkedSinceThreshold += term.end - term.first;
    }
    this.touchedCount = touchedCount;
    let completed: Int32Array = touched.subarray(0, touchedCount);
    const allSummed = next === terms.length;
    if (next < terms.length) {
      // The rest only for documents that can still make the cut, by binary search in each posting list.
      threshold = this.nthBest(touched, touchedCount, n);
      const { live, candidates } = this;
      let count = 0;
      const cut = threshold * (1 - SLACK);
      for (let index = 0; index < touchedCount; index += 1) {
        const position = touched[index]!;
        if (scores[position]! + left[next]! >= cut) candidates[count++] = position;
      }
      candidates.subarray(0, count).sort();
      for (let index = 0; index < count; index += 1) live[candidates[index]!] = 1;
      for (; next < terms.length; next += 1) {
        const term = terms[next]!;
        const length = term.end - term.first;
        if (count * Math.log2(length + 1) > length) {
          // Many candidates for a short list: one pass over the list beats a search per candidate.
          for (let index = term.first; index < term.end; index += 1) if (live[positions[index]!] === 1) add(positions[index]!, frequencies[index]!, term);
        } else {
          let from = term.first;
          for (let index = 0; index < count; index += 1) {
            const position = candidates[index]!;
            from = lowerBound(positions, from, term.end, position);
            if (from === term.end) break;
            if (positions[from] === position) add(position, frequencies[from]!, term);
          }
        }
        threshold = Math.max(threshold, this.nthBest(candidates, count, n));
        const limit = threshold * (1 - SLACK) - left[next + 1]!;
        // Kept in place and in order, so the binary searches above keep walking forward.
        let kept = 0;
        for (let index = 0; index < count; index += 1) {
          const position = candidates[index]!;
          if (scores[position]! >= limit) candidates[kept++] = position;
          else live[position] = 0;
        }
        count = kept;
      }
      for (let index = 0; index < count; index += 1) live[candidates[index]!] = 0;
      completed = candidates.subarray(0, count);
    }
    this.completed = completed;
    for (let index = 0; index < completed.length; index += 1) complete[completed[index]!] = 1;

    // A document asked for that was skipped or left part-summed: its terms afresh, in the same order.
    const asked = this.asked;
    const exact = (position: number) => {
      if (complete[position] === 1 || (allSummed && (!accepted || accepted[position] === 1))) return;
      asked.push(position);
      scores[position] = 0;
      matched[position] = 0;
      for (const term of terms) {
        const found = lowerBound(positions, term.first, term.end, position);
        if (found < term.end && positions[found] === position) add(position, frequencies[found]!, term);
      }
      complete[position] = 1;
    };
    const scale = bestPossible > 0 ? 1 / bestPossible : 0;
    return {
      scoreOf: (position) => {
        exact(position);
        return Math.min(scores[position]! * scale, 1);
      },
      coverageOf: (position) => {
        exact(position);
        return Math.min(matched[position]! * scale, 1);
      },
      top: (count, accept) => {
        if (count > n) throw new Error(`PrunedLexicalScorer was asked for the top ${count} of a query scored for the top ${n}`);
        return topPositions(this.completed, scores, count, accept);
      },
    };
  }

  /** Zeroes what the last query wrote. */
  private forgetLastQuery(): void {
    const { scores, matched, complete, touched } = this;
    for (let index = 0; index < this.touchedCount; index += 1) {
      const position = touched[index]!;
      scores[position] = 0;
      matched[position] = 0;
      complete[position] = 0;
    }
    for (const position of this.asked) {
      scores[position] = 0;
      matched[position] = 0;
      complete[position] = 0;
    }
    this.touchedCount = 0;
    this.asked = [];
    this.completed = [];
  }

  /** The n-th best score among the first `length` of `positions` (−∞ when there are fewer), by a min-heap of values. */
  private nthBest(positions: Int32Array, length: number, n: number): number {
    if (length < n || n <= 0) return -Infinity;
    if (this.best.length < n) this.best = new Float64Array(n);
    const heap = this.best;
    const scores = this.scores;
    for (let index = 0; index < n; index += 1) heap[index] = scores[positions[index]!]!;
    for (let index = (n >> 1) - 1; index >= 0; index -= 1) siftDownValue(heap, n, index);
    for (let index = n; index < length; index += 1) {
      const score = scores[positions[index]!]!;
      if (score <= heap[0]!) continue;
      heap[0] = score;
      siftDownValue(heap, n, 0);
    }
    return heap[0]!;
  }

  private largestPartOf(term: number): number {
    let largest = this.largestPart[term]!;
    if (!Number.isNaN(largest)) return largest;
    largest = 0;
    const { positions, frequencies, lengthNorms } = this.postings;
    for (let index = this.starts[term]!; index < this.starts[term + 1]!; index += 1) {
      const frequency = frequencies[index]!;
      largest = Math.max(largest, (frequency * (K1 + 1)) / (frequency + lengthNorms[positions[index]!]!));
    }
    this.largestPart[term] = largest;
    return largest;
  }
}

/** Restores the min-heap order below `index` in the first `size` values. */
function siftDownValue(heap: Float64Array, size: number, index: number): void {
  const value = heap[index]!;
  for (;;) {
    let child = 2 * index + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1]! < heap[child]!) child += 1;
    if (heap[child]! >= value) break;
    heap[index] = heap[child]!;
    index = child;
  }
  heap[index] = value;
}

/** First index in [from, end) whose position is ≥ wanted (positions ascend within a posting list). */
function lowerBound(positions: Int32Array, from: number, end: number, wanted: number): number {
  let low = from;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < wanted) low = middle + 1;
    else high = middle;
  }
  return low;
}
