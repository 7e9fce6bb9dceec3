import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogTeamMatching } from '../../src/matching/catalog-team-matching.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';

/** With OPENAI_API_KEY set, the catalog is embedded by the configured model, once, and kept under indexDir. */
describe('team matching with OpenAI-compatible embeddings (fake server)', () => {
  let openai: FakeOpenAi;
  const indexDir = mkdtempSync(join(tmpdir(), 'itda-match-openai-'));
  const options = () => ({
    catalogPath: 'knowledge/hospitals',
    knowledgeDir: 'knowledge',
    indexDir,
    openai: { apiKey: 'test-key', baseUrl: openai.url, embeddingModel: 'text-embedding-3-small', timeoutMs: 5_000 },
  });
  beforeAll(async () => {
    openai = await startFakeOpenAi({ embeddingDimension: 48 });
  });
  afterAll(() => openai.close());

  it('embeds the catalog through the endpoint, ranks with it, and reloads without embedding again', async () => {
    const [best] = await new CatalogTeamMatching(options()).rankTeams('뇌졸중 CT 관류 영상', { top: 1 });
    expect(best!.reasons[0]).toMatch(/^질환: 뇌졸중 — 충족/);
    const embeddingCalls = () => openai.requests.filter((request) => request.path === '/v1/embeddings').length;
    const afterFirst = embeddingCalls();
    expect(afterFirst).toBeGreaterThanOrEqual(2);
    expect(existsSync(join(indexDir, 'hospital-catalog'))).toBe(true);
    expect(readdirSync(join(indexDir, 'hospital-catalog')).some((name) => name.includes('openai'))).toBe(true);

    await new CatalogTeamMatching(options()).rankTeams('stroke perfusion imaging', { top: 1 });
    expect(embeddingCalls()).toBe(afterFirst + 1);
  });
});
