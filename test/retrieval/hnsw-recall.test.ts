import { describe, expect, it } from 'vitest';
import { HybridSearchIndex } from '../../src/retrieval/hybrid-search-index.js';
import { LocalHashingEmbeddings } from '../../src/retrieval/local-hashing-embeddings.js';
import { syntheticDocuments, syntheticQueries } from '../../src/retrieval/synthetic-documents.js';

describe('HNSW graph quality', () => {
  it('finds at least 98% of the exact top 10 on 3,000 random asset-like documents', async () => {
    const { index } = await HybridSearchIndex.build(syntheticDocuments(3_000), { embeddings: new LocalHashingEmbeddings(), name: 'recall' });
    const queries = syntheticQueries(100);
    let found = 0;
    for (const query of queries) {
      const approximate = new Set(await index.approximateVectorSearch(query, 10));
      found += (await index.exactVectorSearch(query, 10)).filter((id) => approximate.has(id)).length;
    }
    const recall = found / (queries.length * 10);
    console.log(`HNSW recall@10 on 3,000 documents: ${recall.toFixed(4)}`);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });
});
