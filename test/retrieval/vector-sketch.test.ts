import { describe, expect, it } from 'vitest';
import { VectorSketch } from '../../src/retrieval/vector-sketch.js';
import { seededRandom } from '../../src/retrieval/synthetic-documents.js';

function unitVectors(count: number, dimension: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const vector = Float32Array.from({ length: dimension }, () => random() - 0.5);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

describe('VectorSketch', () => {
  it('scans a filter\'s rows (in WebAssembly SIMD here) with the dot products it gives one row at a time', () => {
    const rows = unitVectors(3_000, 512, 7);
    const sketch = new VectorSketch(512, 10);
    rows.forEach((vector, label) => sketch.set(label, vector));
    expect(sketch.scansFast).toBe(true);
    const [query] = unitVectors(1, 512, 8);
    // More labels than one batch, out of order and repeated, as a filter's positions can map to labels.
    const labels = Int32Array.from({ length: 2_500 }, (_, index) => (index * 7_919) % rows.length);
    const scanned = new Float64Array(labels.length);
    sketch.dotEach(labels, labels.length, query!, scanned);
    labels.forEach((label, index) => expect(scanned[index]).toBeCloseTo(sketch.dot(label, query!), 4));
  });

  it('keeps its rows when it grows, and hands them out as the bytes a reload reads back', () => {
    const rows = unitVectors(50, 32, 9);
    const sketch = new VectorSketch(32, 1);
    rows.forEach((vector, label) => sketch.set(label, vector));
    const copy = new VectorSketch(32, rows.length);
    const [scales, bytes] = sketch.toBytes(rows.length);
    const [copyScales, copyBytes] = copy.toBytes(rows.length);
    copyScales!.set(scales!);
    copyBytes!.set(bytes!);
    const [query] = unitVectors(1, 32, 10);
    for (let label = 0; label < rows.length; label += 1) {
      const exact = rows[label]!.reduce((sum, value, index) => sum + value * query![index]!, 0);
      expect(copy.dot(label, query!)).toBeCloseTo(exact, 1);
      expect(copy.dot(label, query!)).toBe(sketch.dot(label, query!));
    }
  });
});
