import type { Language } from '../messages/language.js';
import type { SourceRef } from '../ports/reply.js';
import { sectionKeyOf, type KnowledgeChunk } from '../knowledge/chunk-by-headings.js';
import type { KnowledgeHit, KnowledgeSearch } from './knowledge-search.js';

/** Topics whose answers are about law: they end with the "not legal advice" line. */
export const LEGAL_TOPICS = new Set(['privacy-pipa', 'privacy-guideline', 'research-ethics']);

export interface ShownSection {
  hit: KnowledgeHit;
  /** The section in the asker's language when its twin exists, else the section as found. */
  chunk: KnowledgeChunk;
}

/**
 * The distinct sections behind the hits, best first, each shown in the asker's language: both
 * languages are searched, and a Korean hit for an English question is shown from its English twin.
 */
export function sectionsToShow(hits: KnowledgeHit[], search: KnowledgeSearch, language: Language, limit: number): ShownSection[] {
  const seen = new Set<string>();
  const shown: ShownSection[] = [];
  for (const hit of hits) {
    const key = sectionKeyOf(hit.metadata);
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push({ hit, chunk: search.twin(hit.metadata, language) ?? (hit as KnowledgeChunk) });
    if (shown.length === limit) break;
  }
  return shown;
}

export function citationOf(chunk: KnowledgeChunk): SourceRef {
  const { source, title, heading, asOf } = chunk.metadata;
  return { source, title, section: heading, asOf };
}
