import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HybridSearchIndex } from '../../src/retrieval/hybrid-search-index.js';
import { LocalHashingEmbeddings } from '../../src/retrieval/local-hashing-embeddings.js';
import { knowledgeChunks } from './knowledge-chunks.js';

describe('HybridSearchIndex', () => {
  const embeddings = new LocalHashingEmbeddings();
  let cacheDir: string;
  beforeEach(async () => (cacheDir = await mkdtemp(join(tmpdir(), 'itda-retrieval-'))));
  afterEach(() => rm(cacheDir, { recursive: true, force: true }));

  it('answers a Korean question with particles from the Korean chunk, with all scores filled in', async () => {
    const { index } = await HybridSearchIndex.build(knowledgeChunks, { embeddings, name: 'knowledge' });
    const [best, second] = await index.search('가명정보는 동의 없이 쓸 수 있나요?', { k: 3 });
    expect(best).toMatchObject({ id: 'privacy/pseudonymised-data', metadata: { heading: '가명정보' } });
    expect(best!.score).toBeGreaterThan(second!.score);
    expect(best!.vectorScore).toBeGreaterThan(0.2);
    expect(best!.lexicalScore).toBeGreaterThan(0.3);
    expect(best!.lexicalCoverage).toBeGreaterThan(0.5);
  });

  it('reaches a Korean chunk from an English question through a glossary expansion', async () => {
    const { index } = await HybridSearchIndex.build(knowledgeChunks, { embeddings, name: 'knowledge' });
    const hits = await index.search('When is the application deadline?', { k: 2, expansions: ['신청 마감'] });
    expect(hits[0]?.id).toBe('program/deadline');
  });

  it('filters before the top-k cut, even when the best matches are filtered out', async () => {
    const { index } = await HybridSearchIndex.build(knowledgeChunks, { embeddings, name: 'knowledge' });
    const hits = await index.search('가명정보 data review', { k: 2, candidates: 1, filter: (document) => document.metadata.file === 'hospitals.md' });
    expect(hits.map((hit) => hit.id)).toEqual(['hospitals/review-board', 'hospitals/cdm']);
  });

  it('breaks ties by id so results never depend on insertion order', async () => {
    const twins = ['b', 'a', 'c'].map((id) => ({ id, text: '같은 내용의 문서', metadata: {} }));
    const { index } = await HybridSearchIndex.build(twins, { embeddings, name: 'twins' });
    expect((await index.search('같은 내용', { k: 3 })).map((hit) => hit.id)).toEqual(['a', 'b', 'c']);
  });

  it('embeds nothing on a restart with unchanged documents, and only the changed one after an edit', async () => {
    const first = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    expect(first.stats).toMatchObject({ documents: 6, embedded: 6, reused: 0, graph: 'built', warnings: [] });

    const restart = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    expect(restart.stats).toMatchObject({ documents: 6, embedded: 0, reused: 6, graph: 'loaded', lexical: 'loaded' });

    const edited = knowledgeChunks.map((chunk) => (chunk.id === 'program/deadline' ? { ...chunk, text: `${chunk.text} 늦은 제출은 받지 않습니다.` } : chunk));
    const afterEdit = await HybridSearchIndex.build(edited, { embeddings, cacheDir, name: 'knowledge' });
    expect(afterEdit.stats).toMatchObject({ embedded: 1, reused: 5, graph: 'patched', lexical: 'built' });
    expect((await afterEdit.index.search('늦은 제출', { k: 1 }))[0]?.id).toBe('program/deadline');
    expect(await afterEdit.index.approximateVectorSearch('늦은 제출', 6)).toHaveLength(6);
  });

  it('patches a saved graph for a few changed documents and rebuilds it when most have changed', async () => {
    const assets = Array.from({ length: 40 }, (_, number) => ({ id: `asset-${number}`, text: `병원 ${number}번 영상 데이터 CT ${number}`, metadata: {} }));
    await HybridSearchIndex.build(assets, { embeddings, cacheDir, name: 'catalog' });
    const oneReplaced = [...assets.slice(1), { id: 'asset-new', text: '새 심전도 데이터 ECG', metadata: {} }];
    const patched = await HybridSearchIndex.build(oneReplaced, { embeddings, cacheDir, name: 'catalog' });
    expect(patched.stats).toMatchObject({ embedded: 1, graph: 'patched' });
    expect(await patched.index.exactVectorSearch('심전도 ECG', 1)).toEqual(await patched.index.approximateVectorSearch('심전도 ECG', 1));
    expect(await patched.index.approximateVectorSearch('병원 0번 영상 데이터 CT 0', 40)).not.toContain('asset-0');

    const mostlyNew = assets.map((asset) => ({ ...asset, text: `${asset.text} 개정` }));
    expect((await HybridSearchIndex.build(mostlyNew, { embeddings, cacheDir, name: 'catalog' })).stats).toMatchObject({ embedded: 40, graph: 'built' });
  });

  it('reloads the saved vector sketch, and writes it once for a graph saved without one, with the same scores', async () => {
    const built = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    const query = 'personal data outside the hospital';
    const scores = async (index: HybridSearchIndex) => (await index.search(query, { k: 6 })).map((hit) => [hit.id, hit.vectorScore]);
    const expected = await scores(built.index);
    const graphDirectory = join(cacheDir, 'knowledge', 'hnsw-local-hash-v2-512');
    expect(await readdir(graphDirectory)).toContain('vector-sketch.bin');

    await rm(join(graphDirectory, 'vector-sketch.bin'));
    const upgraded = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    expect(upgraded.stats).toMatchObject({ embedded: 0, graph: 'loaded', warnings: [] });
    expect(await scores(upgraded.index)).toEqual(expected);
    expect(await readdir(graphDirectory)).toContain('vector-sketch.bin');

    const reloaded = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    expect(await scores(reloaded.index)).toEqual(expected);
  });

  it('does not reuse vectors cached for another embedder', async () => {
    await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    const other = new LocalHashingEmbeddings({ dimension: 256 });
    const { stats, index } = await HybridSearchIndex.build(knowledgeChunks, { embeddings: other, cacheDir, name: 'knowledge' });
    expect(stats).toMatchObject({ embedded: 6, reused: 0, warnings: [] });
    expect((await index.exactVectorSearch('가명정보', 1))[0]).toBe('privacy/pseudonymised-data');
  });

  it('rebuilds from a corrupt cache instead of crashing, and says why', async () => {
    await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    const directory = join(cacheDir, 'knowledge');
    for (const file of await readdir(directory, { recursive: true })) {
      if (file.endsWith('.bin') || file.endsWith('hnswlib.index')) await writeFile(join(directory, file), 'garbage');
    }
    const warnings: string[] = [];
    const { stats, index } = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge', onWarning: (message) => warnings.push(message) });
    expect(stats.embedded).toBe(6);
    expect(warnings.join('\n')).toMatch(/lexical postings .* ignored/);
    expect(warnings.join('\n')).toMatch(/hnswlib.index does not match its manifest/);
    expect((await index.search('가명정보', { k: 1 }))[0]?.id).toBe('privacy/pseudonymised-data');

    const healed = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    expect(healed.stats).toMatchObject({ embedded: 0, warnings: [] });
  });

  it('names the expected and actual dimension when a saved HNSW index no longer fits the embedder', async () => {
    await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    const manifestPath = join(cacheDir, 'knowledge', 'hnsw-local-hash-v2-512', 'manifest.json');
    const { readFile } = await import('node:fs/promises');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, dimension: 384 }));
    const { stats } = await HybridSearchIndex.build(knowledgeChunks, { embeddings, cacheDir, name: 'knowledge' });
    expect(stats.warnings).toEqual([expect.stringMatching(/has dimension 384, but embedder local-hash-v2-512 produces 512; rebuilding/)]);
  });

  it('returns nothing from an empty index and rejects duplicate ids', async () => {
    const { index } = await HybridSearchIndex.build([], { embeddings, cacheDir, name: 'empty' });
    expect(index.size).toBe(0);
    expect(await index.search('가명정보', { k: 5 })).toEqual([]);
    await expect(HybridSearchIndex.build([knowledgeChunks[0]!, knowledgeChunks[0]!], { embeddings, name: 'twice' })).rejects.toThrow(/two documents with id "privacy\/pseudonymised-data"/);
  });
});
