import { createHash, hash } from 'node:crypto';
import { join } from 'node:path';
import { fileNameFor } from './atomic-file.js';
import { CharNgramRanker } from './char-ngram-ranker.js';
import type { HnswVectorIndex } from './hnsw-vector-index.js';
import { loadOrBuildLexicalIndex } from './lexical-index-file.js';
import type { NamedEmbeddings } from './named-embeddings.js';
import type { RetrievableDocument, RetrievalHit } from './retrievable-document.js';
import { prepareVectorGraph, type GraphOutcome } from './prepare-vector-graph.js';
import { PrunedLexicalScorer } from './pruned-lexical-scores.js';
import { fuseScores } from './score-fusion.js';
import { topPositions } from './top-positions.js';
import { acceptedFromMask, VectorCandidates, type AcceptedPositions } from './vector-candidates.js';
import { dotProduct, toUnitVector } from './vector-math.js';

export interface BuildStats {
  documents: number;
  /** Distinct texts sent to the embedder (0 on a restart with unchanged documents). */
  embedded: number;
  /** Documents whose vector came from the saved graph. */
  reused: number;
  milliseconds: number;
  /** What happened to the HNSW graph: loaded as saved, patched for changed texts, or built anew. */
  graph: GraphOutcome;
  /** Whether the lexical postings were read from disk (their content hash matched). */
  lexical: 'loaded' | 'built';
  /** Caches that were found but ignored, and why; empty normally. */
  warnings: string[];
}

export interface HybridBuildOptions {
  embeddings: NamedEmbeddings;
  /** Where the HNSW graph and lexical postings persist, under <cacheDir>/<name>/; omit for in-memory only. */
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
  /** The same as `filter`, precomputed: 1 for each document position that passes. */
  acceptedMask?: Uint8Array;
  /** The positions `acceptedMask` lets through, ascending, when the caller has them (saves a pass over the mask). */
  acceptedPositions?: ArrayLike<number>;
  /** How many positions `acceptedMask` lets through, when the caller counted them but did not list them. */
  acceptedCount?: number;
  /** How many to pull from each ranker before fusion; default max(4k, 40), never fewer than k. */
  candidates?: number;
  /**
   * Measurement only: exact float vectors for every document instead of the HNSW graph and
   * the vector sketch, so the same ranking can be compared with and without approximation.
   */
  exact?: boolean;
}

/**
 * From this many documents the lexical pool is found with max-score pruning (the same top and
 * scores to rounding, see pruned-lexical-scores.ts: half the lexical cost of a query filtered to
 * one asset type at 10k teams); below it every posting is walked as before, so the knowledge
 * base's few hundred sections rank exactly as they always have. Exact (measurement) search
 * walks every posting, so the bench's recall against exact search covers the pruning too.
 */
const PRUNED_LEXICAL_FROM = 5_000;

/**
 * Vector (HNSW) and Korean-aware lexical (BM25 over n-grams) search over one document set, fused.
 *
 *   const { index, stats } = await HybridSearchIndex.build(chunks, { embeddings, cacheDir: 'data/index', name: 'knowledge' });
 *   const hits = await index.search('가명정보는 동의가 필요한가요?', { k: 5, expansions: ['pseudonymised information'] });
 *   // hits[0].lexicalCoverage and hits[0].vectorScore say how well the best hit is supported.
 *
 * A restart with unchanged documents embeds nothing, loads the saved graph and postings; an
 * edit embeds only the changed texts and patches the graph.
 */
export class HybridSearchIndex {
  /** HNSW label of each document's text. */
  private readonly labelOf: Int32Array;
  /** First document position per label, and the next position sharing that label (-1: none). */
  private readonly firstByLabel: Int32Array;
  private readonly nextSameLabel: Int32Array;
  /** Float vectors of every document, computed only when a measurement asks for exact search. */
  private exactVectors?: Promise<Float32Array[]>;
  private readonly vectorCandidates: VectorCandidates;
  private prunedLexical?: PrunedLexicalScorer;

  private constructor(
    private readonly documents: RetrievableDocument[],
    keys: string[],
    private readonly vectorIndex: HnswVectorIndex,
    private readonly ranker: CharNgramRanker,
    private readonly embeddings: NamedEmbeddings,
  ) {
    this.labelOf = new Int32Array(documents.length);
    this.firstByLabel = new Int32Array(vectorIndex.labels.length).fill(-1);
    this.nextSameLabel = new Int32Array(documents.length).fill(-1);
    for (let position = documents.length - 1; position >= 0; position -= 1) {
      const label = vectorIndex.labelOf(keys[position]!)!;
      this.labelOf[position] = label;
      this.nextSameLabel[position] = this.firstByLabel[label]!;
      this.firstByLabel[label] = position;
    }
    this.vectorCandidates = new VectorCandidates(vectorIndex, this.labelOf, this.firstByLabel, this.nextSameLabel);
  }

  static async build(documents: RetrievableDocument[], options: HybridBuildOptions): Promise<{ index: HybridSearchIndex; stats: BuildStats }> {
    const started = performance.now();
    assertUniqueIds(documents, options.name);
    const { embeddings } = options;
    const directory = options.cacheDir ? join(options.cacheDir, fileNameFor(options.name)) : undefined;
    const keys = documents.map((document) => sha256(document.text));
    const texts = new Map<string, string>();
    keys.forEach((key, position) => texts.has(key) || texts.set(key, documents[position]!.text));
    const warnings: string[] = [];
    const graphDirectory = directory && join(directory, `hnsw-${fileNameFor(embeddings.embedderId)}`);
    const { vectorIndex, graph, fresh } = await prepareVectorGraph(texts, embeddings, graphDirectory, warnings);
    const lexical = await loadOrBuildLexicalIndex(documents, keys, directory, warnings);

    const index = new HybridSearchIndex(documents, keys, vectorIndex, lexical.ranker, embeddings);
    for (const warning of warnings) options.onWarning?.(`[${options.name}] ${warning}`);
    let reused = 0;
    for (const key of keys) if (!fresh.has(key)) reused += 1;
    const stats: BuildStats = {
      documents: documents.length,
      embedded: fresh.size,
      reused,
      milliseconds: Math.round(performance.now() - started),
      graph,
      lexical: lexical.outcome,
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
    const accepted = options.acceptedMask ? acceptedFromMask(options.acceptedMask, options.acceptedPositions, options.acceptedCount) : options.filter && this.acceptedPositions(options.filter);
    // The embedding provider failed for this query: answer from the local (lexical) ranker alone
    // rather than not at all. A local embedder's vectors would not be comparable with the index's.
    const queryVector = await this.embeddings.embedQuery([query, ...expansions].join('\n')).then(toUnitVector, () => undefined);
    const exactVectors = queryVector && options.exact ? await this.allVectors() : undefined;
    // From here on nothing awaits: the lexical scores live in reused arrays until the next query.
    const lexical =
      this.size >= PRUNED_LEXICAL_FROM && !options.exact
        ? (this.prunedLexical ??= new PrunedLexicalScorer(this.ranker.ranges)).scoreQuery(query, expansions, pool, accepted?.mask)
        : this.ranker.scoreQuery(query, expansions);
    const found = !queryVector ? new Map<number, number>() : exactVectors ? exactTop(queryVector, exactVectors, pool, accepted) : this.vectorCandidates.find(queryVector, pool, accepted);
    const positions = new Set(found.keys());
    for (const position of lexical.top(pool, accepted && ((position) => accepted.mask[position] === 1))) positions.add(position);
    const candidates: Omit<RetrievalHit, 'score'>[] = [];
    for (const position of positions) {
      const document = this.documents[position]!;
      candidates.push({
        id: document.id,
        text: document.text,
        metadata: document.metadata,
        vectorScore: !queryVector
          ? 0
          : exactVectors
            ? dotProduct(queryVector, exactVectors[position]!)
            : (found.get(position) ?? this.vectorIndex.sketch.dot(this.labelOf[position]!, queryVector)),
        lexicalScore: lexical.scoreOf(position),
        lexicalCoverage: lexical.coverageOf(position),
      });
    }
    return fuseScores(candidates, options.k);
  }

  private acceptedPositions(filter: (document: RetrievableDocument) => boolean): AcceptedPositions {
    const mask = new Uint8Array(this.size);
    const positions: number[] = [];
    this.documents.forEach((document, position) => {
      if (!filter(document)) return;
      mask[position] = 1;
      positions.push(position);
    });
    return { mask, count: positions.length, positions: () => positions };
  }

  /** Brute-force nearest ids by cosine over float vectors; the reference for measuring the HNSW graph's recall. */
  async exactVectorSearch(query: string, k: number): Promise<string[]> {
    const queryVector = toUnitVector(await this.embeddings.embedQuery(query));
    const vectors = await this.allVectors();
    return Array.from(exactTop(queryVector, vectors, k))
      .sort(([leftPosition, left], [rightPosition, right]) => right - left || compareIds(this.documents[leftPosition]!.id, this.documents[rightPosition]!.id))
      .map(([position]) => this.documents[position]!.id);
  }

  /** Approximate nearest ids from the HNSW graph alone, to compare with exactVectorSearch. */
  async approximateVectorSearch(query: string, k: number): Promise<string[]> {
    const queryVector = toUnitVector(await this.embeddings.embedQuery(query));
    const neighbours = this.vectorIndex.search(Array.from(queryVector), k);
    const ids: string[] = [];
    for (const { label } of neighbours) {
      for (let position = this.firstByLabel[label]!; position !== -1; position = this.nextSameLabel[position]!) ids.push(this.documents[position]!.id);
    }
    return ids.slice(0, k);
  }

  /** The indexed documents, for benchmarks that compare other stores on the same set. */
  get documentsForMeasurement(): readonly RetrievableDocument[] {
    return this.documents;
  }

  /** Document ids per HNSW label, for benchmarks that search the saved graph with raw hnswlib. */
  idsByLabelForMeasurement(): string[][] {
    const ids: string[][] = [];
    for (let label = 0; label < this.firstByLabel.length; label += 1) {
      const sharing: string[] = [];
      for (let position = this.firstByLabel[label]!; position !== -1; position = this.nextSameLabel[position]!) sharing.push(this.documents[position]!.id);
      ids.push(sharing);
    }
    return ids;
  }

  /** Re-embeds every document (measurement only: the index itself keeps no float copy). */
  private allVectors(): Promise<Float32Array[]> {
    this.exactVectors ??= (async () => {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < this.documents.length; start += 1024) {
        const raw = await this.embeddings.embedDocuments(this.documents.slice(start, start + 1024).map((document) => document.text));
        for (const vector of raw) vectors.push(toUnitVector(vector));
      }
      return vectors;
    })();
    return this.exactVectors;
  }
}

/** The `pool` best positions by exact cosine (among `accepted` when given), with their similarity. */
function exactTop(queryVector: Float32Array, vectors: Float32Array[], pool: number, accepted?: AcceptedPositions): Map<number, number> {
  const similarities = new Float64Array(vectors.length);
  const positions = accepted ? accepted.positions() : Array.from(vectors.keys());
  for (let index = 0; index < positions.length; index += 1) similarities[positions[index]!] = dotProduct(queryVector, vectors[positions[index]!]!);
  return new Map(topPositions(positions, similarities, pool).map((position) => [position, similarities[position]!]));
}

function compareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** crypto.hash (Node ≥ 20.12) is a third of createHash's cost per call: 30,000 keys are hashed on every reload. */
const oneShotHash: (text: string) => string =
  typeof hash === 'function' ? (text) => hash('sha256', text, 'base64url') : (text) => createHash('sha256').update(text).digest('base64url');

function sha256(text: string): string {
  return oneShotHash(text);
}

function assertUniqueIds(documents: RetrievableDocument[], name: string): void {
  const seen = new Set<string>();
  for (const document of documents) {
    if (seen.has(document.id)) throw new Error(`Index "${name}" was given two documents with id "${document.id}"; ids must be unique`);
    seen.add(document.id);
  }
}

