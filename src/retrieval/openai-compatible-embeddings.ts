import { Embeddings } from '@langchain/core/embeddings';
import type OpenAI from 'openai';
import type { NamedEmbeddings } from './named-embeddings.js';

export interface OpenAiEmbeddingsOptions {
  apiKey: string;
  /** For Azure, vLLM, Ollama and other OpenAI-compatible servers, e.g. http://localhost:11434/v1 */
  baseUrl?: string;
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
}

/** Inputs per request; well under the API's limit of 2,048 and small enough to retry cheaply. */
const BATCH_SIZE = 128;

/**
 * Embeddings from any OpenAI-compatible endpoint. A thin wrapper over the openai SDK rather than
 * LangChain's OpenAIEmbeddings because the SDK retries every 429 and 5xx with back-off (honouring
 * retry-after), while LangChain's caller gives up on a 429 that carries no retry-after header.
 */
export function createOpenAiEmbeddings(options: OpenAiEmbeddingsOptions): NamedEmbeddings {
  if (!options.apiKey) throw new Error('createOpenAiEmbeddings needs apiKey (set OPENAI_API_KEY), or use LocalHashingEmbeddings');
  // The SDK is loaded on the first request: offline runs and quick commands never pay for it.
  let client: Promise<OpenAI> | undefined;
  const connect = () =>
    (client ??= import('openai').then(
      ({ default: OpenAI }) =>
        new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl, timeout: options.timeoutMs ?? 20_000, maxRetries: options.maxRetries ?? 2 }),
    ));
  return new OpenAiCompatibleEmbeddings(connect, options.model);
}

class OpenAiCompatibleEmbeddings extends Embeddings implements NamedEmbeddings {
  readonly embedderId: string;

  constructor(
    private readonly client: () => Promise<OpenAI>,
    private readonly model: string,
  ) {
    // The SDK already retries; LangChain's caller must not retry on top of it.
    super({ maxRetries: 0 });
    this.embedderId = `openai:${model}`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += BATCH_SIZE) {
      for (const vector of await this.embedBatch(texts.slice(start, start + BATCH_SIZE))) vectors.push(vector);
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedBatch([text]);
    return vector ?? [];
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    // The API rejects empty strings; a blank chunk still needs a vector to keep positions aligned.
    const input = texts.map((text) => (text.trim() === '' ? ' ' : text));
    const response = await (await this.client()).embeddings.create({ model: this.model, input });
    const ordered = [...response.data].sort((left, right) => left.index - right.index);
    if (ordered.length !== texts.length) {
      throw new Error(`Embedding endpoint returned ${ordered.length} vectors for ${texts.length} inputs (model ${this.model})`);
    }
    return ordered.map((item) => item.embedding);
  }
}
