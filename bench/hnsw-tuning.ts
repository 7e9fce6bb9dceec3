/**
 * `npm run bench -- --tune`: HNSW parameters measured on the hard set, uniformly random
 * asset-like documents (src/retrieval/synthetic-documents.ts) whose 10th and 11th neighbours
 * differ by ~0.001 cosine: recall@10 against an exact scan, build CPU and query CPU per setting.
 */
import hnswlib from 'hnswlib-node';
import { LocalHashingEmbeddings } from '../src/retrieval/local-hashing-embeddings.js';
import { syntheticDocuments, syntheticQueries } from '../src/retrieval/synthetic-documents.js';
import { dotProduct, toUnitVector } from '../src/retrieval/vector-math.js';

const SETTINGS = [
  { m: 16, efConstruction: 100 },
  { m: 16, efConstruction: 200 },
  { m: 32, efConstruction: 100 },
  { m: 32, efConstruction: 200 },
];
const EF_SEARCH = [100, 200, 400];

export async function tuneHnsw(documentCount = 10_000, queryCount = 200): Promise<string[]> {
  const embeddings = new LocalHashingEmbeddings();
  const vectors = (await embeddings.embedDocuments(syntheticDocuments(documentCount).map((document) => document.text))).map(toUnitVector);
  const queries = await Promise.all(syntheticQueries(queryCount).map(async (query) => toUnitVector(await embeddings.embedQuery(query))));
  const exact = queries.map((query) =>
    new Set(
      vectors
        .map((vector, label) => ({ label, similarity: dotProduct(query, vector) }))
        .sort((left, right) => right.similarity - left.similarity)
        .slice(0, 10)
        .map((entry) => entry.label),
    ),
  );
  const lines = [
    `hard set: ${documentCount.toLocaleString('en-US')} random asset-like documents, ${queryCount} queries, ${embeddings.dimension} dimensions`,
    '| M | efConstruction | build CPU s | efSearch | recall@10 | query CPU ms (median) |',
    '|---|---|---|---|---|---|',
  ];
  for (const { m, efConstruction } of SETTINGS) {
    const started = process.cpuUsage();
    const index = new hnswlib.HierarchicalNSW('cosine', embeddings.dimension);
    index.initIndex(documentCount, m, efConstruction, 100);
    vectors.forEach((vector, label) => index.addPoint(Array.from(vector), label));
    const buildSeconds = cpuMs(started) / 1000;
    for (const efSearch of EF_SEARCH) {
      index.setEf(efSearch);
      let found = 0;
      const timings: number[] = [];
      queries.forEach((query, position) => {
        const began = process.cpuUsage();
        const { neighbors } = index.searchKnn(Array.from(query), 10);
        timings.push(cpuMs(began));
        found += neighbors.filter((label) => exact[position]!.has(label)).length;
      });
      timings.sort((left, right) => left - right);
      lines.push(`| ${m} | ${efConstruction} | ${buildSeconds.toFixed(1)} | ${efSearch} | ${(found / (queryCount * 10)).toFixed(4)} | ${timings[Math.floor(timings.length / 2)]!.toFixed(2)} |`);
    }
  }
  return lines;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}
