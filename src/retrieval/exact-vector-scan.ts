import type { HierarchicalNSW } from 'hnswlib-node';
import { createFloatDistances, normalizedAsHnswlib, type FloatDistances } from './float-distances.js';

/**
 * Up to this many points a graph is searched by an exact scan instead of the HNSW walk. At
 * efSearch 200 the walk over the knowledge base's 248 points visits nearly all of them anyway,
 * and with hnswlib-node reading the query value by value and handing back 96 results as JS
 * numbers it cost about 150 µs a question (2 cores, Node 20); the scan in WebAssembly SIMD costs
 * about 20. The scan needs the float vectors where WebAssembly can read them: a copy of
 * hnswlib's own (0.5 MB for the knowledge base, at most 2 MB at 512 dimensions). Bigger graphs
 * (the hospital catalog: 3,000 points and up) keep the walk and their single copy.
 */
export const EXACT_SCAN_POINTS = 1_024;

export interface ScannedNeighbours {
  neighbors: number[];
  distances: number[];
}

/**
 * hnswlib's search over a small graph done exactly: every live point's distance computed the
 * way hnswlib computes it (float-distances.ts), the k nearest kept (ties to the lower label).
 * The rows are read once from hnswlib (getPoint, its normalised float32 vectors), so the
 * distances are the ones the walk would report for the same points.
 */
export class ExactVectorScan {
  private readonly queryAt = 0;
  private readonly outAt: number;
  private readonly rowsAt: number;
  /** Rows scored per call: the labels rounded up to four (float-distances.ts scores four at a time; the padding rows are zeros). */
  private readonly scored: number;
  private readonly live: number[] = [];
  /** Scratch for the accepted points' distances, sorted to find the k-th. */
  private readonly sortedDistances: Float64Array;

  private constructor(
    private readonly simd: FloatDistances,
    private readonly dimension: number,
    rows: number,
  ) {
    this.scored = scoredRows(rows);
    this.outAt = outOffset(dimension);
    this.rowsAt = rowsOffset(dimension, rows);
    this.sortedDistances = new Float64Array(rows);
  }

  /** The scan over `index`'s live points, or undefined where it cannot reproduce hnswlib's distances (not x64, dimension not a multiple of 16, no WebAssembly SIMD). */
  static of(index: HierarchicalNSW, labelKeys: readonly (string | null)[], dimension: number): ExactVectorScan | undefined {
    // hnswlib's SSE kernel is what the scan reproduces: elsewhere (ARM: a plain loop) the walk stays.
    if (process.arch !== 'x64' || dimension % 16 !== 0 || dimension === 0) return undefined;
    const rows = labelKeys.length;
    const simd = createFloatDistances(rowsOffset(dimension, rows) + scoredRows(rows) * dimension * 4);
    if (!simd) return undefined;
    const scan = new ExactVectorScan(simd, dimension, rows);
    const stored = new Float32Array(simd.memory.buffer, scan.rowsAt, rows * dimension);
    for (let label = 0; label < rows; label += 1) {
      if (labelKeys[label] === null || labelKeys[label] === undefined) continue;
      stored.set(index.getPoint(label), label * dimension);
      scan.live.push(label);
    }
    return scan;
  }

  /**
   * What hnswlib's searchKnn(vector, k, accept) returns, nearest first; undefined when the k-th
   * nearest ties with the next (a query with no features is at distance 1 from every point):
   * which of the tied points make the cut is then the walk's to decide, as it always was.
   */
  search(vector: ArrayLike<number>, k: number, accept?: (label: number) => boolean): ScannedNeighbours | undefined {
    const buffer = this.simd.memory.buffer;
    normalizedAsHnswlib(vector, new Float32Array(buffer, this.queryAt, this.dimension));
    this.simd.distances(this.rowsAt, this.queryAt, this.dimension, this.outAt, this.scored);
    const distances = new Float32Array(buffer, this.outAt, this.scored);
    const labels = accept ? this.live.filter(accept) : this.live;
    if (labels.length === 0) return { neighbors: [], distances: [] };
    // The k-th smallest distance, found by a native sort of the numbers alone; a tie across it is the walk's.
    const sorted = this.sortedDistances.subarray(0, labels.length);
    for (let index = 0; index < labels.length; index += 1) sorted[index] = distances[labels[index]!]!;
    sorted.sort();
    const cut = Math.min(k, labels.length);
    const kth = sorted[cut - 1]!;
    if (cut < labels.length && sorted[cut] === kth) return undefined;
    const neighbors: number[] = [];
    for (const label of labels) if (distances[label]! <= kth) neighbors.push(label);
    neighbors.sort((left, right) => distances[left]! - distances[right]! || left - right);
    return { neighbors, distances: neighbors.map((label) => distances[label]!) };
  }
}

function scoredRows(rows: number): number {
  return Math.ceil(rows / 4) * 4;
}

function outOffset(dimension: number): number {
  return align16(dimension * 4);
}

function rowsOffset(dimension: number, rows: number): number {
  return align16(outOffset(dimension) + scoredRows(rows) * 4);
}

function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
