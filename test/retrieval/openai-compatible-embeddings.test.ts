import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpenAiEmbeddings } from '../../src/retrieval/openai-compatible-embeddings.js';
import { fakeEmbedding, startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';

describe('createOpenAiEmbeddings against a fake OpenAI-compatible server', () => {
  let openai: FakeOpenAi;
  beforeEach(async () => (openai = await startFakeOpenAi({ embeddingDimension: 32 })));
  afterEach(() => openai.close());

  it('decodes the base64 vectors the SDK asks for, in input order', async () => {
    const embeddings = createOpenAiEmbeddings({ apiKey: 'test-key', baseUrl: openai.url, model: 'text-embedding-3-small' });
    const vectors = await embeddings.embedDocuments(['가명정보', 'data review board']);
    expect(embeddings.embedderId).toBe('openai:text-embedding-3-small');
    expect(openai.requests[0]?.body).toMatchObject({ model: 'text-embedding-3-small', input: ['가명정보', 'data review board'], encoding_format: 'base64' });
    expect(vectors[0]![0]).toBeCloseTo(fakeEmbedding('가명정보', 32)[0]!, 5);
    expect(vectors[1]).toHaveLength(32);
  });

  it('retries once after a 429 and then succeeds', async () => {
    const embeddings = createOpenAiEmbeddings({ apiKey: 'test-key', baseUrl: openai.url, model: 'text-embedding-3-small', maxRetries: 2 });
    openai.failNext(429, 1);
    const vector = await embeddings.embedQuery('신청 마감');
    expect(vector).toHaveLength(32);
    expect(openai.requests.map((request) => request.path)).toEqual(['/v1/embeddings', '/v1/embeddings']);
  });

  it('gives up with the server error once retries are spent', async () => {
    const embeddings = createOpenAiEmbeddings({ apiKey: 'test-key', baseUrl: openai.url, model: 'm', maxRetries: 1 });
    openai.failNext(503, 5);
    await expect(embeddings.embedQuery('x')).rejects.toThrow(/503/);
    expect(openai.requests).toHaveLength(2);
  });

  it('refuses to start without an API key, naming the variable', () => {
    expect(() => createOpenAiEmbeddings({ apiKey: '', model: 'm' })).toThrow(/OPENAI_API_KEY/);
  });
});
