import { join } from 'node:path';
import type { Logger } from '../observability/logger.js';
import { GLOSSARY_FILE, loadGlossary, type Glossary } from '../knowledge/glossary.js';
import { knowledgeSnapshot, loadKnowledge } from '../knowledge/load-knowledge.js';
import { watchKnowledge, type KnowledgeWatcher } from '../knowledge/knowledge-watcher.js';
import type { BuildStats } from '../retrieval/hybrid-search-index.js';
import type { NamedEmbeddings } from '../retrieval/named-embeddings.js';
import { KnowledgeSearch } from './knowledge-search.js';
import { LineRelevance } from './line-relevance.js';
import { QuestionRouter } from './routing/question-router.js';
import { loadFundingUses, type ListedUse } from './spending-question.js';

/** Everything one question needs from the knowledge, swapped as a whole on reload. */
export interface KnowledgeSnapshot {
  search: KnowledgeSearch;
  relevance: LineRelevance;
  /** Routes trained from knowledge/routing-examples.yaml, rebuilt with the rest on an edit. */
  router: QuestionRouter;
  fundingUses: ListedUse[];
  stats: BuildStats & { files: number; problems: string[] };
}

export interface LiveKnowledgeOptions {
  knowledgeDir: string;
  embeddings: NamedEmbeddings;
  /** Persisted vectors and graph (config.indexDir); omit to keep the index in memory. */
  cacheDir?: string;
  logger: Logger;
}

/**
 * The knowledge index the running app answers from. An edit under knowledge/ rebuilds it in the
 * background (only changed sections are embedded) and the new index replaces the old in one
 * assignment, so a question never sees half of each. A file that does not parse, say one half
 * written by an editor, keeps the previous index in service and is logged.
 */
export class LiveKnowledgeIndex {
  private watcher?: KnowledgeWatcher;
  private glossary?: Glossary;

  private constructor(
    private snapshot: KnowledgeSnapshot,
    private readonly options: LiveKnowledgeOptions,
  ) {}

  static async open(options: LiveKnowledgeOptions): Promise<LiveKnowledgeIndex> {
    const live = new LiveKnowledgeIndex(undefined as unknown as KnowledgeSnapshot, options);
    const built = await live.build(true);
    if (!built) throw new Error(`no knowledge could be indexed in ${options.knowledgeDir}`);
    live.snapshot = built;
    return live;
  }

  get current(): KnowledgeSnapshot {
    return this.snapshot;
  }

  /** Rebuilds now; false (old index kept) when a file has a problem. */
  async reload(): Promise<boolean> {
    const built = await this.build(false);
    if (!built) return false;
    this.snapshot = built;
    const { stats } = built;
    this.options.logger.info({ chunks: stats.documents, embedded: stats.embedded, reused: stats.reused, ms: stats.milliseconds }, 'knowledge index reloaded');
    return true;
  }

  watch(debounceMs?: number): void {
    this.watcher ??= watchKnowledge(this.options.knowledgeDir, async () => void (await this.reload()), () => knowledgeSnapshot(this.options.knowledgeDir), {
      debounceMs,
      onError: (error) => this.options.logger.warn({ err: error }, 'knowledge reload failed; the previous index stays in use'),
    });
  }

  close(): void {
    this.watcher?.close();
    this.watcher = undefined;
  }

  private async build(firstTime: boolean): Promise<KnowledgeSnapshot | undefined> {
    const { knowledgeDir, logger } = this.options;
    const knowledge = await loadKnowledge(knowledgeDir);
    if (knowledge.problems.length > 0) {
      logger.warn({ problems: knowledge.problems }, firstTime ? 'some knowledge files were skipped' : 'knowledge edit not applied; the previous index stays in use');
      if (!firstTime || knowledge.chunks.length === 0) return undefined;
    }
    let router: QuestionRouter;
    let fundingUses: ListedUse[];
    try {
      router = QuestionRouter.fromKnowledge(knowledgeDir, this.options.cacheDir);
      fundingUses = loadFundingUses(knowledgeDir);
    } catch (error) {
      // A bad routing file stops the start (the message names the line); an edit keeps the old one.
      if (firstTime) throw error;
      logger.warn({ err: error }, 'routing examples not applied; the previous index stays in use');
      return undefined;
    }
    this.glossary = this.loadGlossaryOrKeep();
    const { search, stats } = await KnowledgeSearch.build(knowledge.chunks, {
      embeddings: this.options.embeddings,
      glossary: this.glossary,
      cacheDir: this.options.cacheDir,
    });
    return { search, relevance: new LineRelevance(knowledge.chunks), router, fundingUses, stats: { ...stats, files: knowledge.files.length, problems: knowledge.problems } };
  }

  private loadGlossaryOrKeep(): Glossary | undefined {
    try {
      return loadGlossary(join(this.options.knowledgeDir, GLOSSARY_FILE));
    } catch (error) {
      this.options.logger.warn({ err: error }, 'glossary not loaded; searching without (or with the previous) expansions');
      return this.glossary;
    }
  }
}
