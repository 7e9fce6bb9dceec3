import { join } from 'node:path';
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { Document } from '@langchain/core/documents';
import hnswlib from 'hnswlib-node';
import type { TeamRanker } from '../src/matching/team-ranker.js';
import { efSearchFor, HNSW_SETTINGS } from '../src/retrieval/hnsw-vector-index.js';
import { LocalHashingEmbeddings } from '../src/retrieval/local-hashing-embeddings.js';
import { dotProduct, toUnitVector } from '../src/retrieval/vector-math.js';

/** MemoryVectorStore holds number[][] (8 bytes a dimension): past this many documents it is left out. */
const MEMORY_STORE_LIMIT = 100_000;
const K = 40;

/**
 * Nearest-40 vector search, CPU per query (median of each round), over the same unit vectors:
 * an exact scan in JavaScript, LangChain's MemoryVectorStore, raw hnswlib reading Itda's saved
 * graph, and Itda's own hybrid search (vector + lexical + fusion), with recall@10 of each
 * against the exact scan.
 */
export async function compareVectorSearches(ranker: TeamRanker, queries: string[], cacheDir: string, rounds: number): Promise<Record<string, { cpuMs: number[]; recallAt10: number } | string>> {
  const embeddings = new LocalHashingEmbeddings();
  const index = ranker.searchIndex;
  const documents = index.documentsForMeasurement;
  const vectors: Float32Array[] = [];
  for (let start = 0; start < documents.length; start += 2048) {
    for (const vector of await embeddings.embedDocuments(documents.slice(start, start + 2048).map((document) => document.text))) vectors.push(toUnitVector(vector));
  }
  const queryVectors = await Promise.all(queries.map(async (query) => toUnitVector(await embeddings.embedQuery(query))));
  const exactTop = (query: Float32Array, k: number) =>
    vectors
      .map((vector, position) => ({ position, similarity: dotProduct(query, vector) }))
      .sort((left, right) => right.similarity - left.similarity)
      .slice(0, k)
      .map((entry) => documents[entry.position]!.id);
  const reference = queryVectors.map((query) => exactTop(query, 10));
  const recallOf = (found: string[][]) => found.reduce((sum, ids, query) => sum + reference[query]!.filter((id) => ids.slice(0, 10).includes(id)).length, 0) / (queries.length * 10);

  const results: Record<string, { cpuMs: number[]; recallAt10: number } | string> = {};
  const measure = async (name: string, search: (query: number) => Promise<string[]> | string[]) => {
    const found: string[][] = [];
    const medians: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const timings: number[] = [];
      for (let query = 0; query < queries.length; query += 1) {
        const started = process.cpuUsage();
        const ids = await search(query);
        const used = process.cpuUsage(started);
        timings.push((used.user + used.system) / 1000);
        if (round === 0) found.push(ids);
      }
      medians.push(timings.sort((left, right) => left - right)[Math.floor(timings.length / 2)]!);
    }
    results[name] = { cpuMs: medians, recallAt10: recallOf(found) };
  };

  await measure('exact scan (JavaScript, float32)', (query) => exactTop(queryVectors[query]!, K));

  if (documents.length <= MEMORY_STORE_LIMIT) {
    const store = new MemoryVectorStore(embeddings);
    await store.addVectors(
      vectors.map((vector) => Array.from(vector)),
      documents.map((document) => new Document({ pageContent: '', metadata: { id: document.id } })),
    );
    await measure('LangChain MemoryVectorStore', async (query) =>
      (await store.similaritySearchVectorWithScore(Array.from(queryVectors[query]!), K)).map(([document]) => document.metadata.id as string),
    );
  } else {
    results['LangChain MemoryVectorStore'] = `left out above ${MEMORY_STORE_LIMIT.toLocaleString('en-US')} documents (number[] per vector)`;
  }

  const raw = new hnswlib.HierarchicalNSW(HNSW_SETTINGS.space, embeddings.dimension);
  await raw.readIndex(join(cacheDir, 'hospital-catalog', `hnsw-${embeddings.embedderId}`, 'hnswlib.index'));
  // The efSearch Itda's own index uses at this size, so the two walks are the same width.
  const efSearch = efSearchFor(raw.getCurrentCount());
  raw.setEf(efSearch);
  const idsByLabel = index.idsByLabelForMeasurement();
  await measure(`raw hnswlib (Itda's saved graph, efSearch ${efSearch})`, (query) =>
    raw.searchKnn(Array.from(queryVectors[query]!), K).neighbors.flatMap((label) => idsByLabel[label] ?? []),
  );

  await measure('Itda HybridSearchIndex.search (HNSW + lexical + fusion; fused, so not meant to equal the vector top 10)', async (query) => (await index.search(queries[query]!, { k: K })).map((hit) => hit.id));
  return results;
}
