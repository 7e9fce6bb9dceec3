import type { Logger } from '../observability/logger.js';
import { DataFileRegistry } from '../data-files/data-file-registry.js';
import type { DataFileStatus } from '../data-files/data-file-kind.js';
import type { KnowledgeChunk } from '../knowledge/chunk-by-headings.js';
import type { Glossary } from '../knowledge/glossary.js';
import type { KnowledgeFile } from '../knowledge/parse-knowledge-file.js';
import type { BuildStats } from '../retrieval/hybrid-search-index.js';
import type { NamedEmbeddings } from '../retrieval/named-embeddings.js';
import { KnowledgeSearch } from './knowledge-search.js';
import { KNOWLEDGE_INDEX_KINDS, knowledgeSources, registerKnowledgeDataFiles } from './knowledge-data-files.js';
import { LineRelevance } from './line-relevance.js';
import type { QuestionRouter } from './routing/question-router.js';
import type { ListedUse } from './spending-question.js';

/** Everything one question needs from the knowledge, swapped as a whole on reload. */
export interface KnowledgeSnapshot {
  search: KnowledgeSearch;
  relevance: LineRelevance;
  /** Routes trained from knowledge/routing-examples.yaml, rebuilt with the rest on an edit. */
  router: QuestionRouter;
  fundingUses: ListedUse[];
  stats: BuildStats & { files: number; problems: string[] };
}

/** The staff files in service (src/data-files): each read, validated and kept at its last good value there. */
export interface KnowledgeSources {
  documents: () => { files: KnowledgeFile[]; chunks: KnowledgeChunk[] };
  staffAnswers: () => KnowledgeChunk[];
  router: () => QuestionRouter;
  fundingUses: () => ListedUse[];
  glossary: () => Glossary | undefined;
  /** Re-reads the staff files that changed; a changed one comes back through `rebuild()`. */
  refresh: () => Promise<unknown>;
  /** The knowledge kinds whose edit was not applied. */
  problems: () => DataFileStatus[];
}

export interface LiveKnowledgeOptions {
  knowledgeDir: string;
  embeddings: NamedEmbeddings;
  /** Persisted vectors and graph (config.indexDir); omit to keep the index in memory. */
  cacheDir?: string;
  logger: Logger;
  /**
   * The running app's data files (one registry for every staff file, which also calls
   * `rebuild()` after a change). Without it (the index alone, in tests), the index keeps a
   * registry of its own knowledge files under the same policy.
   */
  sources?: KnowledgeSources;
}

/**
 * The knowledge index the running app answers from. Built from the staff files in service, so a
 * file that does not parse (say one half written by an editor) never reaches it: its last good
 * version stays in service. A rebuild embeds only changed sections, and the new index replaces
 * the old in one assignment, so a question never sees half of each.
 */
export class LiveKnowledgeIndex {
  private own?: DataFileRegistry;
  private builds = 0;

  private constructor(
    private snapshot: KnowledgeSnapshot,
    private readonly options: LiveKnowledgeOptions,
    private readonly sources: KnowledgeSources,
  ) {}

  static async open(options: LiveKnowledgeOptions): Promise<LiveKnowledgeIndex> {
    let sources = options.sources;
    let own: DataFileRegistry | undefined;
    if (!sources) {
      own = new DataFileRegistry({ logger: options.logger });
      sources = knowledgeSources(registerKnowledgeDataFiles(own, options.knowledgeDir, options.cacheDir), own);
      await own.start();
    }
    const live = new LiveKnowledgeIndex(undefined as unknown as KnowledgeSnapshot, options, sources);
    live.snapshot = await live.build();
    if (own) {
      live.own = own;
      own.onReload(KNOWLEDGE_INDEX_KINDS, () => live.rebuild());
    }
    return live;
  }

  get current(): KnowledgeSnapshot {
    return this.snapshot;
  }

  /** Re-reads the knowledge files and rebuilds; false (old files kept in service) when one has a problem. */
  async reload(): Promise<boolean> {
    const before = this.builds;
    await this.sources.refresh();
    // Nothing changed on disk: rebuild anyway, as asked (it embeds nothing new).
    if (this.builds === before) await this.rebuild();
    return this.sources.problems().length === 0;
  }

  /** Builds a new index from the files in service and swaps it in (the data-file registry calls this after a reload). */
  async rebuild(): Promise<void> {
    const built = await this.build();
    this.snapshot = built;
    const { stats } = built;
    this.options.logger.info({ chunks: stats.documents, embedded: stats.embedded, reused: stats.reused, ms: stats.milliseconds }, 'knowledge index reloaded');
  }

  /** Only for the index alone: the running app's registry watches every staff file. */
  watch(debounceMs?: number): void {
    this.own?.watch({ debounceMs });
  }

  close(): void {
    this.own?.close();
  }

  private async build(): Promise<KnowledgeSnapshot> {
    this.builds += 1;
    const { sources } = this;
    const documents = sources.documents();
    const chunks = [...documents.chunks, ...sources.staffAnswers()];
    const { search, stats } = await KnowledgeSearch.build(chunks, { embeddings: this.options.embeddings, glossary: sources.glossary(), cacheDir: this.options.cacheDir });
    const problems = sources.problems().map((status) => `${status.problem?.file}${status.problem?.line ? `, line ${status.problem.line}` : ''}: ${status.problem?.message}`);
    return { search, relevance: new LineRelevance(chunks), router: sources.router(), fundingUses: sources.fundingUses(), stats: { ...stats, files: documents.files.length, problems } };
  }
}
