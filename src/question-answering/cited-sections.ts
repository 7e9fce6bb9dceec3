import type { Language } from '../messages/language.js';
import type { SourceRef } from '../ports/reply.js';
import { sectionKey, type KnowledgeChunk } from '../knowledge/chunk-by-headings.js';
import type { KnowledgeHit, KnowledgeSearch } from './knowledge-search.js';

/** Topics whose answers are about law: they end with the "not legal advice" line. */
export const LEGAL_TOPICS = new Set(['privacy-pipa', 'privacy-guideline', 'research-ethics']);

export const NOT_LEGAL_ADVICE: Record<Language, string> = {
  ko: '_일반 정보이며 법률 자문이 아닙니다. 구속력 있는 판단은 병원 DRB·IRB와 사업 담당자에게 받으세요._',
  en: '_General information, not legal advice: for a binding answer ask the hospital DRB/IRB and the program office._',
};

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
    const key = sectionKey(hit.metadata.topic, hit.metadata.sectionId);
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
