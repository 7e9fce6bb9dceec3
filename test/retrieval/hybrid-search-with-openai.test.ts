import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HybridSearchIndex } from '../../src/retrieval/hybrid-search-index.js';
import { createOpenAiEmbeddings } from '../../src/retrieval/openai-compatible-embeddings.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';
import { knowledgeChunks } from './knowledge-chunks.js';

describe('HybridSearchIndex with OpenAI-compatible embeddings (fake server)', () => {
  let openai: FakeOpenAi;
  let cacheDir: string;
  beforeEach(async () => {
    openai = await startFakeOpenAi({ embeddingDimension: 48 });
    cacheDir = await mkdtemp(join(tmpdir(), 'itda-retrieval-openai-'));
  });
  afterEach(async () => {
    await openai.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('pays for each text once: a restart sends no embedding request until someone asks a question', async () => {
    const embeddings = createOpenAiEmbeddings({ apiKey: 'test-key', baseUrl: openai.url, model: 'text-embedding-3-small' });
    const first = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    expect(first.stats).toMatchObject({ embedded: 6, graph: 'built' });
    expect(openai.requests).toHaveLength(1);

    const restart = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    expect(restart.stats).toMatchObject({ embedded: 0, reused: 6, graph: 'loaded' });
    expect(openai.requests).toHaveLength(1);

    const [best] = await restart.index.search('가명정보는 동의 없이 처리할 수 있나요', { k: 1 });
    expect(best?.id).toBe('privacy/pseudonymised-data');
    expect(openai.requests).toHaveLength(2);
  });

  it('keeps vectors already paid for when the endpoint fails half-way', async () => {
    const embeddings = createOpenAiEmbeddings({ apiKey: 'test-key', baseUrl: openai.url, model: 'm', maxRetries: 0 });
    await HybridSearchIndex.build(knowledgeChunks.slice(0, 3), { embeddings, cacheDir, name: 'knowledge' });
    openai.failNext(500, 1);
    await expect(HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' })).rejects.toThrow(/500/);
    const retried = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    expect(retried.stats).toMatchObject({ embedded: 3, reused: 3 });
  });
});
