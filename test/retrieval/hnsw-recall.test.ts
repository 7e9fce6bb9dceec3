import { beforeAll, describe, expect, it } from 'vitest';
import { efSearchFor, HNSW_SETTINGS } from '../../src/retrieval/hnsw-vector-index.js';
import { HybridSearchIndex } from '../../src/retrieval/hybrid-search-index.js';
import { LocalHashingEmbeddings } from '../../src/retrieval/local-hashing-embeddings.js';
import { syntheticDocuments, syntheticQueries } from '../../src/retrieval/synthetic-documents.js';

describe('HNSW graph quality on 3,000 random asset-like documents', () => {
  let index: HybridSearchIndex;
  const queries = syntheticQueries(100);
  beforeAll(async () => {
    ({ index } = await HybridSearchIndex.build(syntheticDocuments(3_000), { embeddings: new LocalHashingEmbeddings(), name: 'recall' }));
    // About 4 s of CPU; on a shared 2-core machine under load that is well over the default 30 s of wall time.
  }, 180_000);

  it('finds at least 98% of the exact top 10', async () => {
    let found = 0;
    for (const query of queries) {
      const approximate = new Set(await index.approximateVectorSearch(query, 10));
      found += (await index.exactVectorSearch(query, 10)).filter((id) => approximate.has(id)).length;
    }
    const recall = found / (queries.length * 10);
    console.log(`HNSW recall@10 on 3,000 documents: ${recall.toFixed(4)}`);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  }, 120_000);

  it('keeps only filtered documents, whether the filter is narrow (exact search) or broad (inside HNSW)', async () => {
    for (const filter of [(hospital: unknown) => hospital === 'H3', (hospital: unknown) => hospital !== 'H3']) {
      for (const query of queries.slice(0, 10)) {
        const hits = await index.search(query, { k: 10, filter: (document) => filter(document.metadata.hospital) });
        expect(hits).toHaveLength(10);
        expect(hits.every((hit) => filter(hit.metadata.hospital))).toBe(true);
      }
    }
  });
});

describe('how wide the search walk is by graph size', () => {
  it('keeps the saved setting up to 10k teams and widens for a 100k-team graph, never narrowing as the graph grows', () => {
    expect(efSearchFor(3_000)).toBe(HNSW_SETTINGS.efSearch);
    expect(efSearchFor(30_000)).toBe(HNSW_SETTINGS.efSearch);
    expect(efSearchFor(300_000)).toBeGreaterThan(HNSW_SETTINGS.efSearch);
    const sizes = [1, 10_000, 30_000, 60_000, 100_000, 300_000, 1_000_000];
    const widths = sizes.map(efSearchFor);
    expect(widths).toEqual([...widths].sort((left, right) => left - right));
  });
});
