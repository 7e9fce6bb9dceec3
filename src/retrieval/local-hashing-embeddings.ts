import { Embeddings } from '@langchain/core/embeddings';
import { embeddingFeatures } from './korean-aware-features.js';
import type { NamedEmbeddings } from './named-embeddings.js';

/** Bump when the features or weights change, so cached vectors from the old featuriser are dropped. */
const FEATURISER_VERSION = 2;

/**
 * The embedder used when no API key is configured: signed feature hashing of Korean-aware
 * features into a fixed dimension, L2-normalised. Deterministic, offline, thousands of short
 * documents per second. It knows spelling, not meaning; glossary expansions bridge languages.
 */
export class LocalHashingEmbeddings extends Embeddings implements NamedEmbeddings {
  readonly embedderId: string;
  readonly dimension: number;

  constructor(options: { dimension?: number } = {}) {
    super({});
    this.dimension = options.dimension ?? 512;
    this.embedderId = `local-hash-v${FEATURISER_VERSION}-${this.dimension}`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embedText(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedText(text);
  }

  embedText(text: string): number[] {
    const vector = new Float64Array(this.dimension);
    for (const [feature, weight] of embeddingFeatures(text)) {
      const hash = hashFeature(feature);
      // Square root damps repeated terms so one word said five times does not dominate.
      const value = Math.sqrt(weight);
      vector[hash % this.dimension]! += hash & 0x80000000 ? -value : value;
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    // A loop, not Array.from(vector, …), which costs ten times as much on a typed array.
    const unit = new Array<number>(this.dimension);
    for (let index = 0; index < this.dimension; index += 1) unit[index] = vector[index]! / norm;
    return unit;
  }
}

/** FNV-1a followed by a murmur-style finaliser, so the sign bit is well mixed. */
function hashFeature(feature: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < feature.length; index += 1) hash = Math.imul(hash ^ feature.charCodeAt(index), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
