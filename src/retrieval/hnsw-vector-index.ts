import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
import { EXACT_SCAN_POINTS, ExactVectorScan } from './exact-vector-scan.js';
import { toNumberArray } from './vector-math.js';
import { VectorSketch } from './vector-sketch.js';

/**
 * Chosen with `npm run bench -- --tune` (bench/hnsw-tuning.ts) on the hard set, 10,000 uniformly
 * random asset-like documents whose 10th and 11th neighbours differ by ~0.001 cosine (2 cores):
 *   M=32 efConstruction=200: build 22.1 s CPU; efSearch 200 → recall@10 0.989, 2.7 ms; 400 → 0.998, 4.0 ms
 *   M=32 efConstruction=100: build 13.1 s CPU; efSearch 200 → recall@10 0.973, 2.4 ms; 400 → 0.993, 3.8 ms
 *   M=16 efConstruction=100: build  9.4 s CPU; efSearch 200 → recall@10 0.947, 1.8 ms; 400 → 0.986, 3.1 ms
 * efConstruction 100 builds in 60% of the time; efSearch 200 halves the query cost, and on the
 * catalog the whole hybrid ranking still finds ≥ 0.99 of the exact top five (npm run bench).
 */
export const HNSW_SETTINGS = { space: 'cosine' as const, m: 32, efConstruction: 100, efSearch: 200, randomSeed: 100 };

/**
 * efSearch by graph size: a bigger graph needs a wider walk for the same recall. Measured on the
 * generated catalog (bench/, 30 paraphrased needs, recall of the whole top-5 team ranking against
 * the same ranking over exact vectors; CPU per query, unfiltered / filtered, 2 busy cores):
 *     3,000 points (1k teams):   efSearch 100 → 0.987; 200 → 0.993
 *    30,000 points (10k teams):  efSearch 100 → 0.980; 200 → 0.987, 6.3 / 7.0 ms; 300 → 0.987
 *   300,000 points (100k teams): efSearch 200 → 0.947, 29.8 / 39.2 ms; 400 → 0.973; 600 → 0.993, 26.1 / 33.3 ms;
 *                                800 → 0.993, 20.8 / 32.1 ms (CPU at this scale is dominated by load noise)
 * The narrowest width at or above 0.98 (with two misses' margin in 150 slots) is kept per size.
 * Between rows efSearch grows with log(points); past the last row at the last row's slope.
 * HNSW_SETTINGS.efSearch stays the saved graph's recorded setting and the floor.
 */
const EF_SEARCH_BY_POINTS: readonly { points: number; efSearch: number }[] = [
  { points: 30_000, efSearch: 200 },
  { points: 300_000, efSearch: 600 },
];

/** The efSearch for a graph of `points` live points (see EF_SEARCH_BY_POINTS). */
export function efSearchFor(points: number): number {
  const rows = EF_SEARCH_BY_POINTS;
  if (points <= rows[0]!.points) return HNSW_SETTINGS.efSearch;
  let upper = rows.findIndex((row) => row.points >= points);
  if (upper === -1) upper = rows.length - 1;
  const low = rows[upper - 1]!;
  const high = rows[upper]!;
  const share = Math.log(points / low.points) / Math.log(high.points / low.points);
  return Math.max(HNSW_SETTINGS.efSearch, Math.round(low.efSearch + share * (high.efSearch - low.efSearch)));
}

/** Beyond this share of deleted points the graph is rebuilt rather than patched. */
export const MAX_DELETED_SHARE = 0.25;

export interface VectorNeighbour {
  /** sha256 of the text whose vector this is; several documents may share one text. */
  key: string;
  label: number;
  similarity: number;
}

/**
 * An hnswlib-node graph over precomputed unit vectors, one point per distinct text. Each label
 * remembers its text key, so an edited document set can patch the graph (delete stale points,
 * add new ones) instead of rebuilding 30,000 points. The float vectors are held once, by
 * hnswlib; `sketch` keeps a byte-per-dimension copy for scoring by label.
 *
 * Why hnswlib-node and not LangChain's HNSWLib store: everything here is addressed by label
 * (patching with markDelete, filters pushed into the walk, the sketch, the saved label keys),
 * while HNSWLib keeps a Document per point in its docstore (30,000 objects rebuilt on every
 * reload, the main source of garbage in a reload), re-initialises an empty index with its own
 * M and efConstruction, and filters through those Documents. Using it meant working around it;
 * LangChain stays where it does real work (embeddings interface, the knowledge retriever).
 */
export class HnswVectorIndex {
  private live = 0;
  private readonly labelByKey = new Map<string, number>();
  /** A small graph's exact scan (see exact-vector-scan.ts), made at its first search after each change; null where it cannot run. */
  private exactScan?: ExactVectorScan | null;

  private constructor(
    private readonly index: HierarchicalNSW,
    readonly dimension: number,
    /** Text key per label; null where the point was deleted. */
    private readonly labelKeys: (string | null)[],
    readonly sketch: VectorSketch,
  ) {
    for (let label = 0; label < labelKeys.length; label += 1) {
      const key = labelKeys[label];
      if (key === null || key === undefined) continue;
      this.labelByKey.set(key, label);
      this.live += 1;
    }
  }

  /** An empty graph with room for `capacity` points (it grows if more are added). */
  static create(dimension: number, capacity: number): HnswVectorIndex {
    const index = new hnswlib.HierarchicalNSW(HNSW_SETTINGS.space, dimension);
    index.initIndex(Math.max(capacity, 1), HNSW_SETTINGS.m, HNSW_SETTINGS.efConstruction, HNSW_SETTINGS.randomSeed);
    index.setEf(HNSW_SETTINGS.efSearch);
    return new HnswVectorIndex(index, dimension, [], new VectorSketch(dimension, capacity));
  }

  /** Wraps an index read from disk (see hnsw-index-file.ts) with the label keys saved beside it. */
  static fromLoadedIndex(index: HierarchicalNSW, labelKeys: (string | null)[], sketch: VectorSketch): HnswVectorIndex {
    index.setEf(HNSW_SETTINGS.efSearch);
    return new HnswVectorIndex(index, index.getNumDimensions(), labelKeys, sketch);
  }

  get labels(): readonly (string | null)[] {
    return this.labelKeys;
  }

  get nativeIndex(): HierarchicalNSW {
    return this.index;
  }

  get size(): number {
    return this.live;
  }

  /** How wide the search walk is for this graph's size. */
  get efSearch(): number {
    return efSearchFor(this.live);
  }

  labelOf(key: string): number | undefined {
    return this.labelByKey.get(key);
  }

  /** Deletes the points whose text is no longer wanted. */
  remove(keys: Iterable<string>): number {
    let removed = 0;
    for (const key of keys) {
      const label = this.labelByKey.get(key);
      if (label === undefined) continue;
      this.index.markDelete(label);
      this.labelKeys[label] = null;
      this.labelByKey.delete(key);
      this.exactScan = undefined;
      this.live -= 1;
      removed += 1;
    }
    return removed;
  }

  /** Adds unit vectors for new texts; hnswlib is resized once for the whole batch. */
  add(entries: [string, Float32Array][]): void {
    if (entries.length === 0) return;
    const index = this.index;
    const needed = index.getCurrentCount() + entries.length;
    if (needed > index.getMaxElements()) index.resizeIndex(Math.max(needed, Math.ceil(index.getMaxElements() * 1.25)));
    for (const [key, vector] of entries) {
      const label = index.getCurrentCount();
      index.addPoint(Array.from(vector), label);
      this.labelKeys[label] = key;
      this.labelByKey.set(key, label);
      this.sketch.set(label, vector);
      this.live += 1;
    }
    this.exactScan = undefined;
  }

  /** The k nearest live points, optionally only labels `accept` lets through (called from inside the walk). */
  search(vector: Float32Array | number[], k: number, accept?: (label: number) => boolean): VectorNeighbour[] {
    const limit = Math.min(k, this.size);
    if (limit <= 0) return [];
    const { neighbors, distances } = this.nearest(vector, limit, accept);
    const found: VectorNeighbour[] = [];
    for (let rank = 0; rank < neighbors.length; rank += 1) {
      const label = neighbors[rank]!;
      // hnswlib's cosine space returns distance = 1 - cosine similarity.
      found.push({ key: this.labelKeys[label]!, label, similarity: 1 - distances[rank]! });
    }
    return found;
  }

  /** hnswlib's k nearest: scanned exactly in a small graph (the same distances), walked in a big one or at a tie on the cut. */
  private nearest(vector: Float32Array | number[], k: number, accept?: (label: number) => boolean): { neighbors: number[]; distances: number[] } {
    if (this.live <= EXACT_SCAN_POINTS) {
      if (this.exactScan === undefined) this.exactScan = ExactVectorScan.of(this.index, this.labelKeys, this.dimension) ?? null;
      const scanned = this.exactScan?.search(vector, k, accept);
      if (scanned) return scanned;
    }
    this.index.setEf(Math.max(this.efSearch, k));
    return this.index.searchKnn(Array.isArray(vector) ? vector : toNumberArray(vector), k, accept);
  }
}
