import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';
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

/** Beyond this share of deleted points the graph is rebuilt rather than patched. */
export const MAX_DELETED_SHARE = 0.25;
/** Points handed to hnswlib per call, so no array of every vector ever exists at once. */
const ADD_CHUNK = 1024;

export interface VectorNeighbour {
  /** sha256 of the text whose vector this is; several documents may share one text. */
  key: string;
  label: number;
  similarity: number;
}

/**
 * LangChain's HNSWLib vector store over precomputed vectors, one point per distinct text.
 * Each label remembers its text key, so an edited document set can patch the graph
 * (delete stale points, add new ones) instead of rebuilding 30,000 points. The float vectors
 * are held once, by hnswlib; `sketch` keeps a byte-per-dimension copy for scoring by label.
 */
export class HnswVectorIndex {
  private live = 0;
  private readonly labelByKey = new Map<string, number>();

  private constructor(
    private readonly store: HNSWLib,
    readonly dimension: number,
    /** Text key per label; null where the point was deleted. */
    private readonly labelKeys: (string | null)[],
    readonly sketch: VectorSketch,
  ) {
    labelKeys.forEach((key, label) => {
      if (key === null) return;
      this.labelByKey.set(key, label);
      this.live += 1;
    });
  }

  /** An empty graph with room for `capacity` points (it grows if more are added). */
  static create(dimension: number, capacity: number, embeddings: EmbeddingsInterface): HnswVectorIndex {
    const index = new hnswlib.HierarchicalNSW(HNSW_SETTINGS.space, dimension);
    index.initIndex(Math.max(capacity, 1), HNSW_SETTINGS.m, HNSW_SETTINGS.efConstruction, HNSW_SETTINGS.randomSeed);
    index.setEf(HNSW_SETTINGS.efSearch);
    const store = new HNSWLib(embeddings, { space: HNSW_SETTINGS.space, numDimensions: dimension, index });
    return new HnswVectorIndex(store, dimension, [], new VectorSketch(dimension, capacity));
  }

  /** Wraps an index read from disk (see hnsw-index-file.ts) with the label keys saved beside it. */
  static fromLoadedIndex(index: HierarchicalNSW, labelKeys: (string | null)[], sketch: VectorSketch, embeddings: EmbeddingsInterface): HnswVectorIndex {
    index.setEf(HNSW_SETTINGS.efSearch);
    const dimension = index.getNumDimensions();
    const store = new HNSWLib(embeddings, { space: HNSW_SETTINGS.space, numDimensions: dimension, index });
    const documents: Record<string, Document> = {};
    for (let label = 0; label < labelKeys.length; label += 1) {
      const key = labelKeys[label];
      if (key !== null && key !== undefined) documents[label] = labelDocument(key, label);
    }
    store.docstore.add(documents);
    return new HnswVectorIndex(store, dimension, labelKeys, sketch);
  }

  get labels(): readonly (string | null)[] {
    return this.labelKeys;
  }

  get nativeIndex(): HierarchicalNSW {
    return this.store.index;
  }

  get size(): number {
    return this.live;
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
      this.store.index.markDelete(label);
      this.labelKeys[label] = null;
      this.labelByKey.delete(key);
      this.live -= 1;
      removed += 1;
    }
    return removed;
  }

  /** Adds unit vectors for new texts; hnswlib is resized once for the whole batch. */
  async add(entries: [string, Float32Array][]): Promise<void> {
    if (entries.length === 0) return;
    const index = this.store.index;
    const needed = index.getCurrentCount() + entries.length;
    if (needed > index.getMaxElements()) index.resizeIndex(Math.max(needed, Math.ceil(index.getMaxElements() * 1.25)));
    let start = 0;
    if (index.getCurrentCount() === 0) {
      // HNSWLib.addVectors re-initialises an empty index with default M and efConstruction;
      // placing the first point by hand keeps the tuned graph parameters.
      const [key, vector] = entries[0]!;
      index.addPoint(Array.from(vector), 0);
      this.store.docstore.add({ 0: labelDocument(key, 0) });
      this.remember(key, 0, vector);
      start = 1;
    }
    for (; start < entries.length; start += ADD_CHUNK) {
      const chunk = entries.slice(start, start + ADD_CHUNK);
      const firstLabel = index.getCurrentCount();
      await this.store.addVectors(
        chunk.map(([, vector]) => Array.from(vector)),
        chunk.map(([key], offset) => labelDocument(key, firstLabel + offset)),
      );
      chunk.forEach(([key, vector], offset) => this.remember(key, firstLabel + offset, vector));
    }
  }

  async search(vector: number[], k: number, accept?: (key: string) => boolean): Promise<VectorNeighbour[]> {
    const limit = Math.min(k, this.size);
    if (limit <= 0) return [];
    this.store.index.setEf(Math.max(HNSW_SETTINGS.efSearch, limit));
    const filter = accept ? (document: Document) => accept(document.metadata.key as string) : undefined;
    const results = await this.store.similaritySearchVectorWithScore(vector, limit, filter);
    // hnswlib's cosine space returns distance = 1 - cosine similarity.
    return results.map(([document, distance]) => ({
      key: document.metadata.key as string,
      label: document.metadata.label as number,
      similarity: 1 - distance,
    }));
  }

  private remember(key: string, label: number, vector: Float32Array): void {
    this.labelKeys[label] = key;
    this.labelByKey.set(key, label);
    this.sketch.set(label, vector);
    this.live += 1;
  }
}

function labelDocument(key: string, label: number): Document {
  return new Document({ pageContent: '', metadata: { key, label } });
}
