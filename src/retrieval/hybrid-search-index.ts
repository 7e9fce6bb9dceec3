import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileNameFor } from './atomic-file.js';
import { CharNgramRanker } from './char-ngram-ranker.js';
import { embedWithCache } from './embed-with-cache.js';
import type { HnswVectorIndex, VectorNeighbour } from './hnsw-vector-index.js';
import type { NamedEmbeddings } from './named-embeddings.js';
import type { RetrievableDocument, RetrievalHit } from './retrievable-document.js';
import { prepareVectorGraph, type GraphOutcome } from './prepare-vector-graph.js';
import { fuseScores } from './score-fusion.js';
import { topPositions } from './top-positions.js';
import { dotProduct, toUnitVector } from './vector-math.js';

export interface BuildStats {
  documents: number;
  /** Distinct texts sent to the embedder (0 on a restart with unchanged documents). */
  embedded: number;
  /** Documents whose vector came from the cache. */
  reused: number;
  milliseconds: number;
  /** What happened to the HNSW graph: loaded as saved, patched for changed texts, or built anew. */
  graph: GraphOutcome;
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
  /** Glossary terms (synonyms, translations): half-weight lexical terms, and appended to the embedded query. */
  expansions?: string[];
  /** Applied before the top-k cut, inside both rankers. */
  filter?: (document: RetrievableDocument) => boolean;
  /** How many to pull from each ranker before fusion; default max(4k, 40), never fewer than k. */
  candidates?: number;
}

/** Up to this many documents passing a filter, vector search is brute force (about 1 ms per 2,000). */
const EXACT_SEARCH_LIMIT = 2_000;

interface AcceptedPositions {
  mask: Uint8Array;
  positions: number[];
}

/**
 * Vector (HNSW) and Korean-aware lexical (BM25 over n-grams) search over one document set, fused.
 *
 *   const { index, stats } = await HybridSearchIndex.build(chunks, { embeddings, cacheDir: 'data/index', name: 'knowledge' });
 *   const hits = await index.search('가명정보는 동의가 필요한가요?', { k: 5, expansions: ['pseudonymised information'] });
 *   // hits[0].lexicalCoverage and hits[0].vectorScore say how well the best hit is supported.
 *
 * A restart with unchanged documents embeds nothing and loads the saved graph; an edit embeds
 * only the changed texts and patches the graph.
 */
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
    const { vectorIndex, graph } = await prepareVectorGraph(distinct, embedded.dimension, embeddings, graphDirectory, warnings);

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
    const accepted = options.filter && this.acceptedPositions(options.filter);
    const queryVector = toUnitVector(await this.embeddings.embedQuery([query, ...expansions].join('\n')));
    const lexical = this.ranker.scoreQuery(query, expansions);
    const positions = new Set(await this.vectorCandidates(queryVector, pool, accepted));
    for (const position of lexical.top(pool, accepted && ((position) => accepted.mask[position] === 1))) positions.add(position);
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

  /**
   * Nearest positions by vector. A selective filter (say one hospital's assets) is answered by
   * exact search over the documents it lets through, which is both faster and exact; a broad
   * one is pushed into the HNSW search.
   */
  private async vectorCandidates(queryVector: Float32Array, pool: number, accepted?: AcceptedPositions): Promise<number[]> {
    if (accepted && accepted.positions.length <= EXACT_SEARCH_LIMIT) {
      const similarities = new Float64Array(this.size);
      for (const position of accepted.positions) similarities[position] = dotProduct(queryVector, this.vectors[position]!);
      return topPositions(accepted.positions, similarities, pool);
    }
    const vector = Array.from(queryVector);
    const passing = (neighbours: VectorNeighbour[]) =>
      neighbours.flatMap(({ key }) => this.positionsByKey.get(key)!.filter((position) => !accepted || accepted.mask[position] === 1));
    if (!accepted) return passing(await this.vectorIndex.search(vector, pool));
    // A filter most documents pass is cheaper applied afterwards to a slightly larger pool than
    // called back from inside the graph walk for every node visited.
    const passRate = accepted.positions.length / this.size;
    if (passRate >= 0.5) {
      const found = passing(await this.vectorIndex.search(vector, Math.ceil((pool / passRate) * 1.5)));
      if (found.length >= pool) return found.slice(0, pool);
    }
    const acceptKey = (key: string) => this.positionsByKey.get(key)!.some((position) => accepted.mask[position] === 1);
    return passing(await this.vectorIndex.search(vector, pool, acceptKey));
  }

  private acceptedPositions(filter: (document: RetrievableDocument) => boolean): AcceptedPositions {
    const mask = new Uint8Array(this.size);
    const positions: number[] = [];
    this.documents.forEach((document, position) => {
      if (!filter(document)) return;
      mask[position] = 1;
      positions.push(position);
    });
    return { mask, positions };
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

