import { readEmbeddingCache, writeEmbeddingCache } from './embedding-cache.js';
import type { NamedEmbeddings } from './named-embeddings.js';
import { toUnitVector } from './vector-math.js';

export interface EmbeddedTexts {
  /** Unit vectors, one per input text, in input order. */
  vectors: Float32Array[];
  dimension: number;
  /** Distinct texts sent to the embedder. */
  embedded: number;
  /** Texts whose vector came from the cache. */
  reused: number;
  warnings: string[];
}

/** Texts per embedder call; progress is saved between calls so a failure mid-way loses little. */
const EMBEDDING_CHUNK = 1024;

/**
 * Embeds only texts the cache has not seen (keyed by sha256 of the text, per embedder).
 * A cache that cannot be trusted, or whose dimension disagrees with the embedder, is discarded.
 */
export async function embedWithCache(texts: string[], keys: string[], embeddings: NamedEmbeddings, cacheFile?: string): Promise<EmbeddedTexts> {
  const warnings: string[] = [];
  let cached = new Map<string, Float32Array>();
  let dimension: number | undefined;
  if (cacheFile) {
    const read = await readEmbeddingCache(cacheFile, embeddings.embedderId);
    if (read.status === 'loaded') ({ vectors: cached, dimension } = read.contents);
    if (read.status === 'unusable') warnings.push(`Embedding cache ${cacheFile} ignored: ${read.reason}; re-embedding`);
  }

  const missing = new Map<string, string>();
  keys.forEach((key, position) => cached.has(key) || missing.set(key, texts[position]!));
  let fresh = new Map<string, Float32Array>();
  try {
    fresh = await embedMissing(missing, embeddings, dimension);
  } catch (error) {
    if (!(error instanceof DimensionChanged)) throw error;
    warnings.push(`Embedding cache ${cacheFile} holds ${dimension}-dimension vectors but ${embeddings.embedderId} now produces ${error.actual}; re-embedding everything`);
    cached = new Map();
    keys.forEach((key, position) => missing.set(key, texts[position]!));
    fresh = await embedMissing(missing, embeddings, undefined);
  }

  const current = new Map<string, Float32Array>();
  let reused = 0;
  const vectors = keys.map((key) => {
    const fromCache = cached.get(key);
    if (fromCache && !fresh.has(key)) reused += 1;
    const vector = fresh.get(key) ?? fromCache!;
    current.set(key, vector);
    return vector;
  });
  dimension = vectors[0]?.length ?? dimension ?? 0;
  const keySetChanged = current.size !== cached.size || [...current.keys()].some((key) => !cached.has(key));
  if (cacheFile && (fresh.size > 0 || keySetChanged)) await writeEmbeddingCache(cacheFile, embeddings.embedderId, { dimension, vectors: current });
  return { vectors, dimension, embedded: fresh.size, reused, warnings };

  async function embedMissing(pending: Map<string, string>, embedder: NamedEmbeddings, expectedDimension: number | undefined) {
    const done = new Map<string, Float32Array>();
    const entries = [...pending];
    try {
      for (let start = 0; start < entries.length; start += EMBEDDING_CHUNK) {
        const chunk = entries.slice(start, start + EMBEDDING_CHUNK);
        const raw = await embedder.embedDocuments(chunk.map(([, text]) => text));
        raw.forEach((vector, index) => {
          expectedDimension ??= vector.length;
          if (vector.length !== expectedDimension) throw new DimensionChanged(vector.length);
          done.set(chunk[index]![0], toUnitVector(vector));
        });
      }
    } catch (error) {
      // Keep what was paid for before the failure, unless the cached vectors are now the wrong shape.
      if (cacheFile && done.size > 0 && !(error instanceof DimensionChanged)) {
        await writeEmbeddingCache(cacheFile, embedder.embedderId, { dimension: expectedDimension!, vectors: new Map([...cached, ...done]) });
      }
      throw error;
    }
    return done;
  }
}

class DimensionChanged extends Error {
  constructor(readonly actual: number) {
    super(`embedding dimension changed to ${actual}`);
  }
}
