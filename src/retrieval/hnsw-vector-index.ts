import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib, { type HierarchicalNSW } from 'hnswlib-node';

/**
 * Measured with src/retrieval/measure-retrieval.ts on 30,000 uniformly random asset-like
 * documents, the hardest case (the 10th and 11th neighbours differ by ~0.001 cosine):
 * M=32, efConstruction=200, efSearch=400 gives recall@10 0.988 at about 2 ms per query.
 */
export const HNSW_SETTINGS = { space: 'cosine' as const, m: 32, efConstruction: 200, efSearch: 400, randomSeed: 100 };

/** Beyond this share of deleted points the graph is rebuilt rather than patched. */
const MAX_DELETED_SHARE = 0.25;

export interface VectorNeighbour {
  /** sha256 of the text whose vector this is; several documents may share one text. */
  key: string;
  similarity: number;
}

/**
 * LangChain's HNSWLib vector store over precomputed vectors, one point per distinct text.
 * Each label remembers its text key, so an edited document set can patch the graph
 * (delete stale points, add new ones) instead of rebuilding 30,000 points.
 */
export class HnswVectorIndex {
  private constructor(
    private readonly store: HNSWLib,
    readonly dimension: number,
    /** Text key per label; null where the point was deleted. */
    private readonly labelKeys: (string | null)[],
  ) {}

  static async build(entries: Map<string, Float32Array>, dimension: number, embeddings: EmbeddingsInterface): Promise<HnswVectorIndex> {
    const index = new hnswlib.HierarchicalNSW(HNSW_SETTINGS.space, dimension);
    index.initIndex(Math.max(entries.size, 1), HNSW_SETTINGS.m, HNSW_SETTINGS.efConstruction, HNSW_SETTINGS.randomSeed);
    index.setEf(HNSW_SETTINGS.efSearch);
    const store = new HNSWLib(embeddings, { space: HNSW_SETTINGS.space, numDimensions: dimension, index });
    const vectorIndex = new HnswVectorIndex(store, dimension, []);
    const [first, ...rest] = entries;
    if (first) {
      // HNSWLib.addVectors re-initialises an empty index with default M and efConstruction;
      // placing the first point by hand keeps the tuned graph parameters.
      index.addPoint(Array.from(first[1]), 0);
      store.docstore.add({ 0: labelDocument(first[0], 0) });
      vectorIndex.labelKeys.push(first[0]);
      await vectorIndex.append(new Map(rest));
    }
    return vectorIndex;
  }

  /** Wraps an index read from disk (see hnsw-index-file.ts) with the label keys saved beside it. */
  static fromLoadedIndex(index: HierarchicalNSW, labelKeys: (string | null)[], embeddings: EmbeddingsInterface): HnswVectorIndex {
    index.setEf(HNSW_SETTINGS.efSearch);
    const dimension = index.getNumDimensions();
    const store = new HNSWLib(embeddings, { space: HNSW_SETTINGS.space, numDimensions: dimension, index });
    const documents: Record<string, Document> = {};
    labelKeys.forEach((key, label) => key !== null && (documents[label] = labelDocument(key, label)));
    store.docstore.add(documents);
    return new HnswVectorIndex(store, dimension, labelKeys);
  }

  /**
   * Makes the graph hold exactly `wanted`. Returns false, changing nothing, when so much would be
   * deleted that a fresh build gives a better graph.
   */
  async patchTo(wanted: Map<string, Float32Array>): Promise<{ added: number; removed: number } | false> {
    const present = new Set<string>();
    const stale: number[] = [];
    this.labelKeys.forEach((key, label) => {
      if (key === null) return;
      if (wanted.has(key)) present.add(key);
      else stale.push(label);
    });
    const missing = new Map([...wanted].filter(([key]) => !present.has(key)));
    const deletedAfter = this.labelKeys.filter((key) => key === null).length + stale.length;
    if (deletedAfter > MAX_DELETED_SHARE * Math.max(wanted.size, 1) || wanted.size === 0) return false;
    for (const label of stale) {
      this.store.index.markDelete(label);
      this.labelKeys[label] = null;
    }
    await this.append(missing);
    return { added: missing.size, removed: stale.length };
  }

  get labels(): readonly (string | null)[] {
    return this.labelKeys;
  }

  get nativeIndex(): HierarchicalNSW {
    return this.store.index;
  }

  get size(): number {
    return this.labelKeys.filter((key) => key !== null).length;
  }

  async search(vector: number[], k: number, accept?: (key: string) => boolean): Promise<VectorNeighbour[]> {
    const limit = Math.min(k, this.size);
    if (limit <= 0) return [];
    this.store.index.setEf(Math.max(HNSW_SETTINGS.efSearch, limit));
    const filter = accept ? (document: Document) => accept(document.metadata.key as string) : undefined;
    const results = await this.store.similaritySearchVectorWithScore(vector, limit, filter);
    // hnswlib's cosine space returns distance = 1 - cosine similarity.
    return results.map(([document, distance]) => ({ key: document.metadata.key as string, similarity: 1 - distance }));
  }

  private async append(entries: Map<string, Float32Array>): Promise<void> {
    if (entries.size === 0) return;
    const firstLabel = this.store.index.getCurrentCount();
    const keys = [...entries.keys()];
    await this.store.addVectors(
      keys.map((key) => Array.from(entries.get(key)!)),
      keys.map((key, offset) => labelDocument(key, firstLabel + offset)),
    );
    this.labelKeys.push(...keys);
  }
}

function labelDocument(key: string, label: number): Document {
  return new Document({ pageContent: '', metadata: { key, label } });
}
