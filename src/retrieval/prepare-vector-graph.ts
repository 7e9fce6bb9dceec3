import { loadSavedIndex, saveIndex, scanIndexFile, type SavedIndexIdentity } from './hnsw-index-file.js';
import { HnswVectorIndex, MAX_DELETED_SHARE } from './hnsw-vector-index.js';
import type { NamedEmbeddings } from './named-embeddings.js';
import { toUnitVector } from './vector-math.js';

export type GraphOutcome = 'loaded' | 'patched' | 'built';

export interface VectorGraph {
  vectorIndex: HnswVectorIndex;
  graph: GraphOutcome;
  /** Keys of the texts sent to the embedder this time. */
  fresh: Set<string>;
}

/** Texts per embedder call; after a failure the points added so far are saved, so little is lost. */
const EMBEDDING_CHUNK = 1024;

/**
 * The HNSW graph for `texts` (text key → text): the saved graph as is, patched for changed
 * texts, or built anew, embedding only the texts it lacks. The saved graph is the only store of
 * paid-for vectors: a rebuild takes the vectors it keeps from the old graph file.
 */
export async function prepareVectorGraph(texts: Map<string, string>, embeddings: NamedEmbeddings, graphDirectory: string | undefined, warnings: string[]): Promise<VectorGraph> {
  const declared = (embeddings as { dimension?: unknown }).dimension;
  const identity: SavedIndexIdentity = { embedderId: embeddings.embedderId, dimension: typeof declared === 'number' ? declared : undefined };
  const save = async (vectorIndex: HnswVectorIndex) => graphDirectory && texts.size > 0 && saveIndex(graphDirectory, identity, vectorIndex);
  let reusable: { vectorIndex: HnswVectorIndex; file: string } | undefined;
  if (graphDirectory && texts.size > 0) {
    const saved = await loadSavedIndex(graphDirectory, identity);
    if (saved.status === 'unusable') warnings.push(`${saved.reason}; rebuilding the HNSW index`);
    if (saved.status === 'loaded') reusable = { vectorIndex: saved.index, file: saved.file };
  }
  if (reusable) {
    const { vectorIndex } = reusable;
    const stale: string[] = [];
    for (const key of vectorIndex.labels) if (key !== null && !texts.has(key)) stale.push(key);
    const missing: [string, string][] = [];
    for (const entry of texts) if (vectorIndex.labelOf(entry[0]) === undefined) missing.push(entry);
    const deletedAfter = vectorIndex.labels.length - vectorIndex.size + stale.length;
    if (stale.length + missing.length === 0) return { vectorIndex, graph: 'loaded', fresh: new Set() };
    if (deletedAfter <= MAX_DELETED_SHARE * texts.size) {
      vectorIndex.remove(stale);
      try {
        await embedInto(() => vectorIndex, missing, embeddings, save);
        await save(vectorIndex);
        return { vectorIndex, graph: 'patched', fresh: new Set(missing.map(([key]) => key)) };
      } catch (error) {
        if (!(error instanceof DimensionChanged)) throw error;
        warnings.push(`the HNSW index holds ${vectorIndex.dimension}-dimension vectors but ${embeddings.embedderId} now produces ${error.actual}; re-embedding everything`);
        reusable = undefined;
      }
    }
  }
  let fresh = Array.from(texts);
  let vectorIndex: HnswVectorIndex | undefined;
  if (reusable) {
    // Most texts changed: a fresh graph beats a patched one, but the kept vectors are already paid for.
    const old = reusable.vectorIndex;
    const built = HnswVectorIndex.create(old.dimension, texts.size);
    let batch: [string, Float32Array][] = [];
    const flush = async () => {
      await built.add(batch);
      batch = [];
    };
    await scanIndexFile(reusable.file, (label, vector) => {
      const key = old.labels[label];
      if (key === null || key === undefined || !texts.has(key)) return;
      batch.push([key, Float32Array.from(vector)]);
      if (batch.length >= EMBEDDING_CHUNK) return flush();
    });
    await flush();
    fresh = fresh.filter(([key]) => built.labelOf(key) === undefined);
    vectorIndex = built;
  }
  const freshKeys = new Set(fresh.map(([key]) => key));
  await embedInto(
    (dimension) => (vectorIndex ??= HnswVectorIndex.create(dimension, texts.size)),
    fresh,
    embeddings,
    async (partial) => {
      if (partial.size > 0) await save(partial);
    },
  );
  vectorIndex ??= HnswVectorIndex.create(identity.dimension ?? 1, 1);
  await save(vectorIndex);
  return { vectorIndex, graph: 'built', fresh: freshKeys };
}

/** Embeds in chunks and adds each chunk to the graph; on an embedder failure saves what was added. */
async function embedInto(
  graphFor: (dimension: number) => HnswVectorIndex,
  entries: [string, string][],
  embeddings: NamedEmbeddings,
  saveProgress: (vectorIndex: HnswVectorIndex) => Promise<unknown>,
): Promise<void> {
  let vectorIndex: HnswVectorIndex | undefined;
  try {
    for (let start = 0; start < entries.length; start += EMBEDDING_CHUNK) {
      const chunk = entries.slice(start, start + EMBEDDING_CHUNK);
      const raw = await embeddings.embedDocuments(chunk.map(([, text]) => text));
      vectorIndex ??= graphFor(raw[0]?.length ?? 1);
      const target = vectorIndex;
      const unit = raw.map((vector, index) => {
        if (vector.length !== target.dimension) throw new DimensionChanged(vector.length);
        return [chunk[index]![0], toUnitVector(vector)] as [string, Float32Array];
      });
      await target.add(unit);
    }
  } catch (error) {
    // Keep what was paid for before the failure, unless the vectors are now the wrong shape.
    if (vectorIndex && !(error instanceof DimensionChanged)) await saveProgress(vectorIndex);
    throw error;
  }
}

class DimensionChanged extends Error {
  constructor(readonly actual: number) {
    super(`embedding dimension changed to ${actual}`);
  }
}
