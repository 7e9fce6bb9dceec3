import { describe, expect, it } from 'vitest';
import { EXACT_SCAN_POINTS, ExactVectorScan } from '../../src/retrieval/exact-vector-scan.js';
import { HnswVectorIndex } from '../../src/retrieval/hnsw-vector-index.js';
import { seededRandom } from '../../src/retrieval/synthetic-documents.js';

/** Not unit length on purpose: hnswlib normalises both sides itself, and the scan must do it the same way. */
function vectors(count: number, dimension: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: dimension }, () => random() - 0.5));
}

function graphOf(points: Float32Array[]): HnswVectorIndex {
  const index = HnswVectorIndex.create(points[0]!.length, points.length);
  index.add(points.map((vector, label) => [`text-${label}`, vector]));
  return index;
}

/** hnswlib's own answer, with a walk as wide as the graph (every point visited). */
function walked(index: HnswVectorIndex, query: Float32Array, k: number, accept?: (label: number) => boolean) {
  index.nativeIndex.setEf(index.size);
  return index.nativeIndex.searchKnn(Array.from(query), k, accept);
}

describe('ExactVectorScan', () => {
  it('finds the points hnswlib finds, at the very same float32 distances', () => {
    const index = graphOf(vectors(301, 512, 11));
    const scan = ExactVectorScan.of(index.nativeIndex, index.labels, 512)!;
    expect(scan).toBeDefined();
    for (const [number, query] of vectors(40, 512, 12).entries()) {
      const k = [1, 5, 24, 96, 301][number % 5]!;
      expect(scan.search(query, k)).toEqual(walked(index, query, k));
    }
  });

  it('applies a filter as hnswlib does, and skips deleted points', () => {
    const index = graphOf(vectors(200, 64, 13));
    index.remove(['text-3', 'text-50']);
    const scan = ExactVectorScan.of(index.nativeIndex, index.labels, 64)!;
    const even = (label: number) => label % 2 === 0;
    for (const query of vectors(10, 64, 14)) {
      const found = scan.search(query, 20, even)!;
      expect(found).toEqual(walked(index, query, 20, even));
      expect(found.neighbors).not.toContain(50);
    }
  });

  it('leaves a tie across the cut to the walk: a query without features is equally far from every point', () => {
    const index = graphOf(vectors(100, 32, 15));
    const scan = ExactVectorScan.of(index.nativeIndex, index.labels, 32)!;
    expect(scan.search(new Float32Array(32), 10)).toBeUndefined();
    // The index then answers from the walk, as it did before the scan existed.
    expect(index.search(new Float32Array(32), 10)).toHaveLength(10);
  });

  it('is used by small graphs only, and is made again after an edit', () => {
    const points = vectors(60, 32, 16);
    const index = graphOf(points.slice(0, 50));
    const [query] = vectors(1, 32, 17);
    expect(index.search(query!, 5).map(({ key }) => key)).toEqual(walked(index, query!, 5).neighbors.map((label: number) => `text-${label}`));
    index.add(points.slice(50).map((vector, offset) => [`text-${50 + offset}`, vector]));
    index.remove(['text-0']);
    const after = walked(index, query!, 5);
    expect(index.search(query!, 5).map(({ similarity }) => similarity)).toEqual(after.distances.map((distance: number) => 1 - distance));
    expect(EXACT_SCAN_POINTS).toBeLessThan(3_000);
  });
});
