import type { Language } from '../messages/language.js';
import { expandWithGlossary, findGlossaryTerms, type Glossary } from '../knowledge/glossary.js';
import { chunkId, type KnowledgeChunk, type KnowledgeChunkMetadata } from '../knowledge/chunk-by-headings.js';
import { HybridSearchIndex, type BuildStats } from '../retrieval/hybrid-search-index.js';
import type { NamedEmbeddings } from '../retrieval/named-embeddings.js';
import type { RetrievalHit } from '../retrieval/retrievable-document.js';

export interface KnowledgeHit extends RetrievalHit {
  metadata: KnowledgeChunkMetadata;
}

export interface KnowledgeSearchOptions {
  embeddings: NamedEmbeddings;
  glossary?: Glossary;
  /** Where the retrieval core keeps vectors and the graph; omit to keep everything in memory. */
  cacheDir?: string;
}

/**
 * The knowledge sections of both languages in one hybrid index. Questions are expanded through
 * the glossary, so "grant" also looks for 지원금, and the twin of any hit is one lookup away.
 */
export class KnowledgeSearch {
  private readonly byId: Map<string, KnowledgeChunk>;
  /** Each indexed section's versions by language, found by its metadata object (what a hit carries), made once per index. */
  private readonly versions = new Map<KnowledgeChunkMetadata, Partial<Record<Language, KnowledgeChunk>>>();

  private constructor(
    private readonly index: HybridSearchIndex,
    readonly chunks: KnowledgeChunk[],
    private readonly glossary: Glossary | undefined,
  ) {
    this.byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
    for (const { metadata } of chunks) {
      const { topic, sectionId } = metadata;
      this.versions.set(metadata, { ko: this.section(topic, sectionId, 'ko'), en: this.section(topic, sectionId, 'en') });
    }
  }

  static async build(chunks: KnowledgeChunk[], options: KnowledgeSearchOptions): Promise<{ search: KnowledgeSearch; stats: BuildStats }> {
    const { index, stats } = await HybridSearchIndex.build(chunks, {
      embeddings: options.embeddings,
      cacheDir: options.cacheDir,
      name: 'knowledge',
    });
    return { search: new KnowledgeSearch(index, chunks, options.glossary), stats };
  }

  get size(): number {
    return this.chunks.length;
  }

  expansionsFor(query: string): string[] {
    return this.glossary ? expandWithGlossary(this.glossary, query) : [];
  }

  /** `context` (the thread's earlier question) is searched as an expansion: it helps, never leads. */
  async search(query: string, k: number, context: string[] = [], expansions = this.expansionsFor(query)): Promise<KnowledgeHit[]> {
    return (await this.index.search(query, { k, expansions: [...expansions, ...context] })) as KnowledgeHit[];
  }

  /** How many glossary terms the text mentions: a sign it is about the program's domain at all. */
  glossaryTermsIn(text: string): number {
    return this.glossary ? findGlossaryTerms(this.glossary, text).length : 0;
  }

  /** The same section in the other language, if the twin file has it. */
  twin(metadata: KnowledgeChunkMetadata, language: Language): KnowledgeChunk | undefined {
    // A hit's metadata is its chunk's own object: no id string to build and look up for each hit.
    const versions = this.versions.get(metadata);
    return versions ? versions[language] : this.section(metadata.topic, metadata.sectionId, language);
  }

  section(topic: string, sectionId: string, language: Language): KnowledgeChunk | undefined {
    return this.byId.get(chunkId(topic, sectionId, language));
  }
}
