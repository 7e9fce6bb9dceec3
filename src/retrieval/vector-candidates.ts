import type { HnswVectorIndex, VectorNeighbour } from './hnsw-vector-index.js';
import { topPositions } from './top-positions.js';

/**
 * How a filtered query finds its vector candidates, by how many documents pass (measured on the
 * 10k-team catalog, bench/, 2 busy cores): up to SKETCH_SCAN_LIMIT a scan of the sketch (about
 * 1 µs a document in JavaScript); from POST_FILTER_PASS_RATE the unfiltered HNSW walk, all
 * efSearch points it visits kept and filtered afterwards, topped up from a scan of the filter's
 * documents when fewer than the pool pass; below both the filter is called back from inside the
 * graph walk, which costs 8–9 ms at efSearch 200 (a JavaScript call per node visited) and
 * 60–130 ms at 100k teams, so it is the last resort.
 * Where the sketch scans in WebAssembly SIMD (0.08 µs a document: 300,000 in about 25 ms) a scan
 * replaces the walk whatever the filter's size.
 * The walk's similarities are hnswlib's exact ones, the sketch's are off by up to ±0.001: ranking
 * by the sketch alone found 0.958 of the exact top five on filtered needs at 10k teams against
 * 0.998 (bench/, the generated warm-up needs), so the walk's exact figures are kept wherever it
 * found the document. An earlier pool enlarged to 1.5 / pass rate (480 points for one asset type
 * in eight, 3.5 ms) gave the same rankings as the efSearch points plus the scan (1.8 ms): the
 * 30 bench needs' recall 0.987 and 0.996 on 280 generated filtered needs, both unchanged.
 */
const SKETCH_SCAN_LIMIT = 2_000;
const POST_FILTER_PASS_RATE = 0.1;
/** When the post-filtered pool comes up short, a scan of up to this many documents (about 1 µs each) beats the filtered walk. */
const SKETCH_FALLBACK_LIMIT = 10_000;

export interface AcceptedPositions {
  mask: Uint8Array;
  count: number;
  /** Listed only when a scan needs them: a broad filter's list is 300,000 numbers at 100k teams. */
  positions(): ArrayLike<number>;
}

/** The hard filter's documents, by position: a mask, how many pass, and their list made when first asked for. */
export function acceptedFromMask(mask: Uint8Array, listed: ArrayLike<number> | undefined, counted: number | undefined): AcceptedPositions {
  let positions = listed;
  const list = () => {
    if (positions) return positions;
    const found: number[] = [];
    for (let position = 0; position < mask.length; position += 1) if (mask[position] === 1) found.push(position);
    return (positions = found);
  };
  let count = listed?.length ?? counted;
  if (count === undefined) {
    count = 0;
    for (let position = 0; position < mask.length; position += 1) count += mask[position]!;
  }
  return { mask, count, positions: list };
}

/**
 * The vector half of a hybrid search over document positions, several of which may share one
 * HNSW label (one text): the graph walk unfiltered, and for a filter whichever of the scan, the
 * enlarged pool or the filtered walk its size calls for.
 */
export class VectorCandidates {
  /** Scratch for the sketch scan, one slot per document: similarity by position; labels and scores in scan order. */
  private scanScratch?: { similarities: Float64Array; labels: Int32Array; scores: Float64Array };

  constructor(
    private readonly vectorIndex: HnswVectorIndex,
    /** HNSW label of each document position. */
    private readonly labelOf: Int32Array,
    /** First document position per label, and the next position sharing that label (-1: none). */
    private readonly firstByLabel: Int32Array,
    private readonly nextSameLabel: Int32Array,
  ) {}

  /**
   * Nearest positions by vector, with their similarity. A selective filter (say one hospital's
   * assets) is answered by a scan of the vector sketch over the documents it lets through,
   * which is faster than the graph walk calling back for every node; a broad one is pushed
   * into the HNSW search.
   */
  find(queryVector: Float32Array, pool: number, accepted?: AcceptedPositions): Map<number, number> {
    const found = new Map<number, number>();
    const passRate = accepted ? accepted.count / this.labelOf.length : 1;
    const sketch = this.vectorIndex.sketch;
    /** The pool's best of `positions` by the sketch, except where `exact` already has hnswlib's similarity. */
    const scan = (positions: ArrayLike<number>, exact?: Map<number, number>) => {
      // Only the accepted entries are written and read, so the arrays are reused unzeroed.
      const scratch = (this.scanScratch ??= { similarities: new Float64Array(this.labelOf.length), labels: new Int32Array(this.labelOf.length), scores: new Float64Array(this.labelOf.length) });
      const { similarities, labels, scores } = scratch;
      for (let index = 0; index < positions.length; index += 1) labels[index] = this.labelOf[positions[index]!]!;
      sketch.dotEach(labels, positions.length, queryVector, scores);
      for (let index = 0; index < positions.length; index += 1) similarities[positions[index]!] = scores[index]!;
      if (exact) for (const [position, similarity] of exact) similarities[position] = similarity;
      const best = topPositions(positions, similarities, pool);
      found.clear();
      for (const position of best) found.set(position, similarities[position]!);
      return found;
    };
    if (accepted && accepted.count <= SKETCH_SCAN_LIMIT) return scan(accepted.positions());
    const collect = (neighbours: VectorNeighbour[], limit = Infinity) => {
      for (const { label, similarity } of neighbours) {
        for (let position = this.firstByLabel[label]!; position !== -1; position = this.nextSameLabel[position]!) {
          if (found.size >= limit) return found;
          if (!accepted || accepted.mask[position] === 1) found.set(position, similarity);
        }
      }
      return found;
    };
    if (!accepted) return collect(this.vectorIndex.search(queryVector, pool));
    // The walk visits efSearch points whatever k is, so all of them come back at no extra walk:
    // the filter's best documents among them carry hnswlib's exact similarity.
    if (passRate >= POST_FILTER_PASS_RATE) {
      collect(this.vectorIndex.search(queryVector, Math.max(pool, this.vectorIndex.efSearch)), pool);
      if (found.size >= pool) return found;
      // The pool came up short: the rest comes from a scan of the filter's documents, in which
      // those the walk found keep their exact similarity.
      if (sketch.scansFast || accepted.count <= SKETCH_FALLBACK_LIMIT) return scan(accepted.positions(), new Map(found));
    }
    // A scan of every accepted document in WebAssembly (300,000 in about 25 ms) still beats the filtered walk.
    if (sketch.scansFast) return scan(accepted.positions());
    const acceptLabel = (label: number) => {
      for (let position = this.firstByLabel[label]!; position !== -1; position = this.nextSameLabel[position]!) if (accepted.mask[position] === 1) return true;
      return false;
    };
    return collect(this.vectorIndex.search(queryVector, pool, acceptLabel));
  }
}
