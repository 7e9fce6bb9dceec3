import { join } from 'node:path';
import type { TeamMatch, TeamMatching } from '../ports/capabilities.js';
import { loadGlossary, GLOSSARY_FILE, type Glossary } from '../knowledge/glossary.js';
import { configuredEmbeddings } from '../retrieval/configured-embeddings.js';
import type { NamedEmbeddings } from '../retrieval/named-embeddings.js';
import { loadCatalog, type Catalog } from './load-catalog.js';
import { TeamRanker, type RankOptions } from './team-ranker.js';

export interface CatalogTeamMatchingOptions {
  catalogPath: string;
  knowledgeDir: string;
  /** Vectors and the HNSW graph persist under <indexDir>/hospital-catalog/; omit for in-memory only. */
  indexDir?: string;
  /** OpenAI-compatible embeddings when set (the same as Q&A), otherwise the local hashing embedder. */
  openai?: { apiKey: string; baseUrl?: string; embeddingModel: string; timeoutMs: number };
  embeddings?: NamedEmbeddings;
  currentYear?: number;
  onWarning?: (message: string) => void;
  /** The catalog and glossary in service under the live reload policy; without them, read from the paths on first use. */
  catalog?: () => Catalog;
  glossary?: () => Glossary | undefined;
}

/**
 * The TeamMatching capability over the hospital catalog. The catalog is read and indexed on
 * first use, so starting Itda never waits on (or fails for) the embedder; a failed build is
 * retried on the next request, and the error (a DataFileError for a broken catalog) surfaces
 * to that request.
 */
export class CatalogTeamMatching implements TeamMatching {
  private ranker?: Promise<TeamRanker>;

  constructor(private readonly options: CatalogTeamMatchingOptions) {}

  async rankTeams(need: string, options: RankOptions = {}): Promise<TeamMatch[]> {
    return (await this.ready()).rankTeams(need, options);
  }

  ready(): Promise<TeamRanker> {
    if (!this.ranker) {
      this.ranker = this.build();
      this.ranker.catch(() => (this.ranker = undefined));
    }
    return this.ranker;
  }

  /**
   * After a catalog or glossary edit: builds the new matching index beside the old one, which
   * keeps answering until the new one is ready and replaces it in one assignment.
   */
  async rebuild(): Promise<void> {
    if (!this.ranker) return; // Not used yet: the first request builds from the files in service.
    const next = this.build();
    await next;
    this.ranker = next;
  }

  private async build(): Promise<TeamRanker> {
    const { options } = this;
    const catalog = options.catalog ? options.catalog() : loadCatalog(options.catalogPath);
    const glossary = options.glossary?.() ?? loadGlossary(join(options.knowledgeDir, GLOSSARY_FILE));
    return TeamRanker.build(catalog, {
      embeddings: options.embeddings ?? configuredEmbeddings(options.openai),
      glossary,
      cacheDir: options.indexDir,
      currentYear: options.currentYear,
      onWarning: options.onWarning,
    });
  }
}

