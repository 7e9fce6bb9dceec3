import { LocalHashingEmbeddings } from './local-hashing-embeddings.js';
import type { NamedEmbeddings } from './named-embeddings.js';
import { createOpenAiEmbeddings } from './openai-compatible-embeddings.js';

export interface EmbeddingsSettings {
  apiKey: string;
  baseUrl?: string;
  embeddingModel: string;
  timeoutMs?: number;
}

/**
 * The embedder both indexes use: local hashing vectors offline, the configured
 * OpenAI-compatible model when an API key is set. One choice, so Q&A and matching agree.
 */
export function configuredEmbeddings(openai: EmbeddingsSettings | undefined): NamedEmbeddings {
  if (!openai) return new LocalHashingEmbeddings();
  return createOpenAiEmbeddings({ apiKey: openai.apiKey, baseUrl: openai.baseUrl, model: openai.embeddingModel, timeoutMs: openai.timeoutMs });
}
