import { createInt8DotProducts, type Int8DotProducts } from './int8-dot-products.js';
import { ensureMemory } from './wasm-one-function.js';

/** Rows scored per call into WebAssembly (their numbers are copied into its memory, then read back as sums). */
const BATCH = 1024;

/**
 * A one-byte-per-dimension copy of the vectors, by HNSW label, for the scores the graph walk
 * does not hand back: the vector score of a document found only by the lexical ranker, and the
 * brute-force pass over a selective filter. The float32 vectors live once, inside hnswlib
 * (reading one back through `getPoint` costs about 100 µs), so this sketch is a quarter of
 * their size. Each row is scaled by its largest component; for unit vectors of 512 dimensions
 * the dot product is off by about 0.001, well below the gaps the fusion acts on.
 */
export class VectorSketch {
  private rows: Int8Array;
  private scales: Float32Array;
  /**
   * Where WebAssembly SIMD runs (and the dimension is a multiple of 16) the rows live in its
   * memory, after a scratch area for the int16 query and a batch of row numbers, so that
   * `dotEach` scans them there; `dot` reads the same bytes from JavaScript.
   */
  private readonly simd?: Int8DotProducts;
  private readonly queryAt = 0;
  private readonly listAt: number;
  private readonly rowsAt: number;

  constructor(
    readonly dimension: number,
    capacity = 0,
  ) {
    const rows = Math.max(capacity, 1);
    this.listAt = align16(dimension * 2);
    this.rowsAt = align16(this.listAt + BATCH * 4);
    this.simd = dimension % 16 === 0 ? createInt8DotProducts(this.rowsAt + rows * dimension) : undefined;
    this.rows = this.simd ? new Int8Array(this.simd.memory.buffer, this.rowsAt, rows * dimension) : new Int8Array(rows * dimension);
    this.scales = new Float32Array(rows);
  }

  /** Whether `dotEach` runs in WebAssembly SIMD (about 0.08 µs a 512-dimension row on this machine, against 1 µs in JavaScript). */
  get scansFast(): boolean {
    return this.simd !== undefined;
  }

  get capacity(): number {
    return this.scales.length;
  }

  set(label: number, vector: ArrayLike<number>): void {
    if (label >= this.scales.length) this.grow(label + 1);
    let largest = 0;
    for (let index = 0; index < this.dimension; index += 1) largest = Math.max(largest, Math.abs(vector[index]!));
    const scale = largest > 0 ? largest / 127 : 1;
    const offset = label * this.dimension;
    for (let index = 0; index < this.dimension; index += 1) this.rows[offset + index] = Math.round(vector[index]! / scale);
    this.scales[label] = scale;
  }

  /** Approximate dot product of row `label` with a float query. */
  dot(label: number, query: Float32Array): number {
    const offset = label * this.dimension;
    const rows = this.rows;
    const dimension = this.dimension;
    // Four running sums: a third less time per row than one (the scan over a filter's documents is this loop).
    let first = 0;
    let second = 0;
    let third = 0;
    let fourth = 0;
    let index = 0;
    for (; index + 4 <= dimension; index += 4) {
      first += rows[offset + index]! * query[index]!;
      second += rows[offset + index + 1]! * query[index + 1]!;
      third += rows[offset + index + 2]! * query[index + 2]!;
      fourth += rows[offset + index + 3]! * query[index + 3]!;
    }
    for (; index < dimension; index += 1) first += rows[offset + index]! * query[index]!;
    return (first + second + third + fourth) * this.scales[label]!;
  }

  /**
   * out[index] = dot(row labels[index], query) for index < count: the scan over a filter's
   * documents. In WebAssembly the query is rounded to int16 (a relative error of 1/65,534,
   * far below the rows' own rounding to int8).
   */
  dotEach(labels: ArrayLike<number>, count: number, query: Float32Array, out: Float64Array): void {
    const simd = this.simd;
    if (!simd) {
      for (let index = 0; index < count; index += 1) out[index] = this.dot(labels[index]!, query);
      return;
    }
    const dimension = this.dimension;
    const buffer = simd.memory.buffer;
    const quantised = new Int16Array(buffer, this.queryAt, dimension);
    let largest = 0;
    for (let index = 0; index < dimension; index += 1) largest = Math.max(largest, Math.abs(query[index]!));
    const queryScale = largest > 0 ? largest / 32_767 : 1;
    for (let index = 0; index < dimension; index += 1) quantised[index] = Math.round(query[index]! / queryScale);
    const list = new Int32Array(buffer, this.listAt, BATCH);
    const scales = this.scales;
    for (let start = 0; start < count; start += BATCH) {
      const size = Math.min(BATCH, count - start);
      for (let index = 0; index < size; index += 1) list[index] = labels[start + index]!;
      simd.dots(this.rowsAt, this.queryAt, dimension, this.listAt, size);
      for (let index = 0; index < size; index += 1) out[start + index] = list[index]! * scales[labels[start + index]!]! * queryScale;
    }
  }

  /** Rows 0..count-1 as bytes: float32 scales, then int8 rows (see hnsw-index-file.ts for the file around them). The views are the sketch's own storage, so a reload reads the file straight into them. */
  toBytes(count: number): Uint8Array[] {
    if (count > this.scales.length) this.grow(count);
    return [new Uint8Array(this.scales.buffer, this.scales.byteOffset, count * 4), new Uint8Array(this.rows.buffer, this.rows.byteOffset, count * this.dimension)];
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed, Math.ceil(this.scales.length * 1.5));
    if (this.simd) {
      // Grown in place: the bytes stay, only the views over the memory are made again.
      ensureMemory(this.simd.memory, this.rowsAt + capacity * this.dimension);
      this.rows = new Int8Array(this.simd.memory.buffer, this.rowsAt, capacity * this.dimension);
    } else {
      const rows = new Int8Array(capacity * this.dimension);
      rows.set(this.rows);
      this.rows = rows;
    }
    const scales = new Float32Array(capacity);
    scales.set(this.scales);
    this.scales = scales;
  }
}

function align16(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
