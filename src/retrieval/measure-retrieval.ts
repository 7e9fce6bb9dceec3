import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CharNgramRanker } from './char-ngram-ranker.js';
import { HybridSearchIndex } from './hybrid-search-index.js';
import { LocalHashingEmbeddings } from './local-hashing-embeddings.js';
import type { RetrievableDocument } from './retrievable-document.js';
import { syntheticDocuments, syntheticQueries } from './synthetic-documents.js';

/**
 * Timing and recall figures for the retrieval core (prints, asserts nothing):
 *   npx tsx src/retrieval/measure-retrieval.ts [documents=30000] [queries=300] [cache directory to keep]
 */
const documentCount = Number(process.argv[2] ?? 30_000);
const queryCount = Number(process.argv[3] ?? 300);
const embeddings = new LocalHashingEmbeddings();
const documents = syntheticDocuments(documentCount);
const queries = syntheticQueries(queryCount);
const keptCacheDir = process.argv[4];
const cacheDir = keptCacheDir ?? (await mkdtemp(join(tmpdir(), 'itda-measure-')));

try {
  let started = performance.now();
  await embeddings.embedDocuments(documents.map((document) => document.text));
  const embedSeconds = (performance.now() - started) / 1000;
  console.log(`local embedder: ${Math.round(documentCount / embedSeconds)} documents/s`);

  started = performance.now();
  new CharNgramRanker(documents);
  console.log(`lexical index alone: ${Math.round(performance.now() - started)} ms`);

  const cold = await HybridSearchIndex.build(documents, { embeddings, cacheDir, name: 'measure' });
  console.log(`cold build (embed + HNSW + lexical + save): ${cold.stats.milliseconds} ms, embedded ${cold.stats.embedded}`);
  const warm = await HybridSearchIndex.build(documents, { embeddings, cacheDir, name: 'measure' });
  console.log(`warm build (all cached): ${warm.stats.milliseconds} ms, embedded ${warm.stats.embedded}, reused ${warm.stats.reused}, graph ${warm.stats.graph}`);
  const changed = documents.map((document, index) => (index === 5 ? { ...document, text: `${document.text} 변경` } : document));
  const oneChanged = await HybridSearchIndex.build(changed, { embeddings, cacheDir, name: 'measure' });
  console.log(`build with one changed document: ${oneChanged.stats.milliseconds} ms, embedded ${oneChanged.stats.embedded}, graph ${oneChanged.stats.graph}`);

  const index = warm.index;
  const filters = {
    'no filter': undefined,
    'narrow filter (1 hospital in 40)': (document: RetrievableDocument) => document.metadata.hospital === 'H3',
    'broad filter (39 hospitals in 40)': (document: RetrievableDocument) => document.metadata.hospital !== 'H3',
  };
  for (const [label, filter] of Object.entries(filters)) {
    const timings: number[] = [];
    for (const query of queries) {
      started = performance.now();
      await index.search(query, { k: 10, filter });
      timings.push(performance.now() - started);
    }
    timings.sort((left, right) => left - right);
    const percentile = (share: number) => timings[Math.min(timings.length - 1, Math.floor(share * timings.length))]!.toFixed(2);
    console.log(`hybrid search k=10, ${label}: p50 ${percentile(0.5)} ms, p95 ${percentile(0.95)} ms, max ${percentile(1)} ms`);
  }

  let found = 0;
  for (const query of queries.slice(0, 200)) {
    const exact = await index.exactVectorSearch(query, 10);
    const approximate = new Set(await index.approximateVectorSearch(query, 10));
    found += exact.filter((id) => approximate.has(id)).length;
  }
  console.log(`HNSW recall@10 vs exact: ${(found / (Math.min(200, queries.length) * 10)).toFixed(4)}`);
} finally {
  if (!keptCacheDir) await rm(cacheDir, { recursive: true, force: true });
}
