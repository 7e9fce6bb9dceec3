import type { Embeddings } from '@langchain/core/embeddings';

/**
 * An embedder that says which vector space it produces, e.g. "local-hash-v2-512" or
 * "openai:text-embedding-3-small". The persistent cache is keyed by this id, so vectors from
 * one embedder are never mixed with another's; bump the id whenever the vectors would change.
 */
export interface NamedEmbeddings extends Embeddings {
  readonly embedderId: string;
}
