import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileNameFor } from './atomic-file.js';
import { CharNgramRanker } from './char-ngram-ranker.js';
import { embedWithCache } from './embed-with-cache.js';
import { loadSavedIndex, saveIndex } from './hnsw-index-file.js';
import { HnswVectorIndex } from './hnsw-vector-index.js';
import type { NamedEmbeddings } from './named-embeddings.js';
import type { RetrievableDocument, RetrievalHit } from './retrievable-document.js';
import { fuseScores } from './score-fusion.js';
import { dotProduct, toUnitVector } from './vector-math.js';

export interface BuildStats {
  documents: number;
  /** Distinct texts sent to the embedder (0 on a restart with unchanged documents). */
  embedded: number;
  /** Documents whose vector came from the cache. */
  reused: number;
  milliseconds: number;
  /** What happened to the HNSW graph: loaded as saved, patched for changed texts, or built anew. */
  graph: 'loaded' | 'patched' | 'built';
  /** Caches that were found but ignored, and why; empty normally. */
  warnings: string[];
}

export interface HybridBuildOptions {
  embeddings: NamedEmbeddings;
  /** Where vectors and the HNSW graph persist, under <cacheDir>/<name>/; omit for in-memory only. */
  cacheDir?: string;
  name: string;
  onWarning?: (message: string) => void;
}

export interface HybridSearchOptions {
  k: number;
  /** Glossary terms (synonyms, translations) that widen the query. */
  expansions?: string[];
  /** Applied before the top-k cut, inside both rankers. */
  filter?: (document: RetrievableDocument) => boolean;
  /** How many to pull from each ranker before fusion; default max(4k, 40), never fewer than k. */
  candidates?: number;
}

/** Vector (HNSW) and Korean-aware lexical (BM25 over n-grams) search over one document set, fused. */
export class HybridSearchIndex {
  /** Positions of the documents sharing each text key (usually exactly one). */
  private readonly positionsByKey = new Map<string, number[]>();

  private constructor(
    private readonly documents: RetrievableDocument[],
    keys: string[],
    private readonly vectors: Float32Array[],
    private readonly vectorIndex: HnswVectorIndex,
    private readonly ranker: CharNgramRanker,
    private readonly embeddings: NamedEmbeddings,
  ) {
    keys.forEach((key, position) => {
      const positions = this.positionsByKey.get(key);
      if (positions) positions.push(position);
      else this.positionsByKey.set(key, [position]);
    });
  }

  static async build(documents: RetrievableDocument[], options: HybridBuildOptions): Promise<{ index: HybridSearchIndex; stats: BuildStats }> {
    const started = performance.now();
    assertUniqueIds(documents, options.name);
    const { embeddings } = options;
    const directory = options.cacheDir ? join(options.cacheDir, fileNameFor(options.name)) : undefined;
    const keys = documents.map((document) => sha256(document.text));
    const embeddingFile = directory && join(directory, `embeddings-${fileNameFor(embeddings.embedderId)}.bin`);
    const embedded = await embedWithCache(
      documents.map((document) => document.text),
      keys,
      embeddings,
      embeddingFile,
    );
    const warnings = [...embedded.warnings];

    const distinct = new Map<string, Float32Array>();
    keys.forEach((key, position) => distinct.set(key, embedded.vectors[position]!));
    const graphDirectory = directory && join(directory, `hnsw-${fileNameFor(embeddings.embedderId)}`);
    const { vectorIndex, graph } = await prepareGraph(distinct, embedded.dimension, embeddings, graphDirectory, warnings);

    const index = new HybridSearchIndex(documents, keys, embedded.vectors, vectorIndex, new CharNgramRanker(documents), embeddings);
    for (const warning of warnings) options.onWarning?.(`[${options.name}] ${warning}`);
    const stats: BuildStats = {
      documents: documents.length,
      embedded: embedded.embedded,
      reused: embedded.reused,
      milliseconds: Math.round(performance.now() - started),
      graph,
      warnings,
    };
    return { index, stats };
  }

  get size(): number {
    return this.documents.length;
  }

  async search(query: string, options: HybridSearchOptions): Promise<RetrievalHit[]> {
    if (this.size === 0 || options.k <= 0) return [];
    const expansions = options.expansions ?? [];
    const pool = Math.min(Math.max(options.candidates ?? Math.max(4 * options.k, 40), options.k), this.size);
    const accepted = options.filter && memoised((position: number) => options.filter!(this.documents[position]!));
    const queryVector = toUnitVector(await this.embeddings.embedQuery([query, ...expansions].join('\n')));

    const acceptedKey = accepted && ((key: string) => this.positionsByKey.get(key)!.some(accepted));
    const neighbours = await this.vectorIndex.search(Array.from(queryVector), pool, acceptedKey);
    const lexical = this.ranker.scoreQuery(query, expansions);
    const positions = new Set<number>();
    for (const { key } of neighbours) {
      for (const position of this.positionsByKey.get(key)!) if (!accepted || accepted(position)) positions.add(position);
    }
    for (const position of lexical.top(pool, accepted)) positions.add(position);
    const candidates = [...positions].map((position) => {
      const document = this.documents[position]!;
      return {
        id: document.id,
        text: document.text,
        metadata: document.metadata,
        vectorScore: dotProduct(queryVector, this.vectors[position]!),
        lexicalScore: lexical.scoreOf(position),
        lexicalCoverage: lexical.coverageOf(position),
      };
    });
    return fuseScores(candidates).slice(0, options.k);
  }

  /** Brute-force nearest ids by cosine; the reference for measuring the HNSW graph's recall. */
  async exactVectorSearch(query: string, k: number): Promise<string[]> {
    const queryVector = toUnitVector(await this.embeddings.embedQuery(query));
    return this.vectors
      .map((vector, position) => ({ id: this.documents[position]!.id, similarity: dotProduct(queryVector, vector) }))
      .sort((left, right) => right.similarity - left.similarity || (left.id < right.id ? -1 : 1))
      .slice(0, k)
      .map((entry) => entry.id);
  }

  /** Approximate nearest ids from the HNSW graph alone, to compare with exactVectorSearch. */
  async approximateVectorSearch(query: string, k: number): Promise<string[]> {
    const queryVector = toUnitVector(await this.embeddings.embedQuery(query));
    const neighbours = await this.vectorIndex.search(Array.from(queryVector), k);
    return neighbours.flatMap((neighbour) => this.positionsByKey.get(neighbour.key)!.map((position) => this.documents[position]!.id)).slice(0, k);
  }
}

/** Reuses the saved graph when it can (as is, or patched for changed texts) and saves what it ends with. */
async function prepareGraph(
  distinct: Map<string, Float32Array>,
  dimension: number,
  embeddings: NamedEmbeddings,
  graphDirectory: string | undefined,
  warnings: string[],
): Promise<{ vectorIndex: HnswVectorIndex; graph: BuildStats['graph'] }> {
  const identity = { embedderId: embeddings.embedderId, dimension: distinct.size > 0 ? dimension : undefined };
  if (graphDirectory && distinct.size > 0) {
    const saved = await loadSavedIndex(graphDirectory, identity, embeddings);
    if (saved.status === 'unusable') warnings.push(`${saved.reason}; rebuilding the HNSW index`);
    if (saved.status === 'loaded') {
      const patch = await saved.index.patchTo(distinct);
      if (patch && patch.added + patch.removed === 0) return { vectorIndex: saved.index, graph: 'loaded' };
      if (patch) {
        await saveIndex(graphDirectory, identity, saved.index);
        return { vectorIndex: saved.index, graph: 'patched' };
      }
    }
  }
  const vectorIndex = await HnswVectorIndex.build(distinct, dimension, embeddings);
  if (graphDirectory && distinct.size > 0) await saveIndex(graphDirectory, identity, vectorIndex);
  return { vectorIndex, graph: 'built' };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

function assertUniqueIds(documents: RetrievableDocument[], name: string): void {
  const seen = new Set<string>();
  for (const document of documents) {
    if (seen.has(document.id)) throw new Error(`Index "${name}" was given two documents with id "${document.id}"; ids must be unique`);
    seen.add(document.id);
  }
}

function memoised(test: (position: number) => boolean): (position: number) => boolean {
  const answers = new Map<number, boolean>();
  return (position) => {
    let answer = answers.get(position);
    if (answer === undefined) answers.set(position, (answer = test(position)));
    return answer;
  };
}
