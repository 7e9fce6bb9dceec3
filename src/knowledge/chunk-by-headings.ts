import type { Language } from '../messages/language.js';
import type { RetrievableDocument } from '../retrieval/retrievable-document.js';
import type { KnowledgeFile, KnowledgeSection } from './parse-knowledge-file.js';

/** What a chunk carries so an answer can show it, find its twin and cite it. */
export interface KnowledgeChunkMetadata extends Record<string, unknown> {
  source: string;
  topic: string;
  sectionId: string;
  heading: string;
  title: string;
  language: Language;
  asOf: string;
  lines: string[];
  /** The questions the section says it answers (indexed in `text`, not shown). */
  questions?: string[];
}

export interface KnowledgeChunk extends RetrievableDocument {
  metadata: KnowledgeChunkMetadata;
}

/** "eligibility#company-age" names a section in both languages; the chunk id adds the language. */
export function sectionKey(topic: string, sectionId: string): string {
  return `${topic}#${sectionId}`;
}

const keysOfSections = new WeakMap<KnowledgeChunkMetadata, string>();

/**
 * `sectionKey` of a chunk's own metadata, made once per chunk: ranking asks for it for every hit
 * of every question, and a string made anew is hashed anew for each lookup.
 */
export function sectionKeyOf(metadata: KnowledgeChunkMetadata): string {
  let key = keysOfSections.get(metadata);
  if (key === undefined) keysOfSections.set(metadata, (key = sectionKey(metadata.topic, metadata.sectionId)));
  return key;
}

export function chunkId(topic: string, sectionId: string, language: Language): string {
  return `${sectionKey(topic, sectionId)}@${language}`;
}

/**
 * One chunk per `##` section: the sections are written to be short and self-contained, so the
 * heading is the natural boundary and its `{#id}` gives an id that survives edits elsewhere.
 * The file title, heading and the questions it answers go into the text, so a question naming
 * the topic, or worded like one of those questions, finds the section.
 */
export function chunkByHeadings(file: KnowledgeFile): KnowledgeChunk[] {
  return file.sections.map((section: KnowledgeSection) => ({
    id: chunkId(file.topic, section.id, file.language),
    text: [file.title, section.heading, ...section.lines, ...(section.questions ?? [])].join('\n'),
    metadata: {
      source: file.source,
      topic: file.topic,
      sectionId: section.id,
      heading: section.heading,
      title: file.title,
      language: file.language,
      asOf: file.asOf,
      lines: section.lines,
      ...(section.questions ? { questions: section.questions } : {}),
    },
  }));
}
