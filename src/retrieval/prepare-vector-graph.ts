import { loadSavedIndex, saveIndex } from './hnsw-index-file.js';
import { HnswVectorIndex } from './hnsw-vector-index.js';
import type { NamedEmbeddings } from './named-embeddings.js';

export type GraphOutcome = 'loaded' | 'patched' | 'built';

/** Reuses the saved graph when it can (as is, or patched for changed texts) and saves what it ends with. */
export async function prepareVectorGraph(
  distinct: Map<string, Float32Array>,
  dimension: number,
  embeddings: NamedEmbeddings,
  graphDirectory: string | undefined,
  warnings: string[],
): Promise<{ vectorIndex: HnswVectorIndex; graph: GraphOutcome }> {
  const identity = { embedderId: embeddings.embedderId, dimension: distinct.size > 0 ? dimension : undefined };
  if (graphDirectory && distinct.size > 0) {
    const saved = await loadSavedIndex(graphDirectory, identity, embeddings);
    if (saved.status === 'unusable') warnings.push(`${saved.reason}; rebuilding the HNSW index`);
    if (saved.status === 'loaded') {
      const patch = await saved.index.patchTo(distinct);
      if (patch && patch.added + patch.removed === 0) return { vectorIndex: saved.index, graph: 'loaded' };
      if (patch) {
        await saveIndex(graphDirectory, identity, saved.index);
        return { vectorIndex: saved.index, graph: 'patched' };
      }
    }
  }
  const vectorIndex = await HnswVectorIndex.build(distinct, dimension, embeddings);
  if (graphDirectory && distinct.size > 0) await saveIndex(graphDirectory, identity, vectorIndex);
  return { vectorIndex, graph: 'built' };
}
