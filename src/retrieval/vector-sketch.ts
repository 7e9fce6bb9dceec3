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

  constructor(
    readonly dimension: number,
    capacity = 0,
  ) {
    this.rows = new Int8Array(Math.max(capacity, 1) * dimension);
    this.scales = new Float32Array(Math.max(capacity, 1));
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

  /** Rows 0..count-1 as bytes: float32 scales, then int8 rows (see hnsw-index-file.ts for the file around them). */
  toBytes(count: number): Uint8Array[] {
    if (count > this.scales.length) this.grow(count);
    return [new Uint8Array(this.scales.buffer, 0, count * 4), new Uint8Array(this.rows.buffer, 0, count * this.dimension)];
  }

  /** A sketch over bytes written by toBytes (viewed, not copied; `scales` must be 4-byte aligned). */
  static fromBytes(dimension: number, count: number, buffer: ArrayBuffer, offset: number): VectorSketch {
    const sketch = new VectorSketch(dimension, 0);
    sketch.scales = new Float32Array(buffer, offset, count);
    sketch.rows = new Int8Array(buffer, offset + count * 4, count * dimension);
    return sketch;
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed, Math.ceil(this.scales.length * 1.5));
    const rows = new Int8Array(capacity * this.dimension);
    rows.set(this.rows);
    const scales = new Float32Array(capacity);
    scales.set(this.scales);
    this.rows = rows;
    this.scales = scales;
  }
}
