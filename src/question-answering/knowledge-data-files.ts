import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataFileRegistry } from '../data-files/data-file-registry.js';
import type { LiveDataFile } from '../data-files/live-data-file.js';
import type { KnowledgeChunk } from '../knowledge/chunk-by-headings.js';
import { GLOSSARY_FILE, loadGlossary, type Glossary } from '../knowledge/glossary.js';
import { loadKnowledgeDocuments, loadStaffAnswerKnowledge, STAFF_ANSWERS_FILE } from '../knowledge/load-knowledge.js';
import type { KnowledgeFile } from '../knowledge/parse-knowledge-file.js';
import { QuestionRouter } from './routing/question-router.js';
import { ROUTING_EXAMPLES_FILE } from './routing/routing-examples.js';
import { FUNDING_USES_FILE, loadFundingUses, type ListedUse } from './spending-question.js';

/** The staff files the knowledge index is built from, each a kind under the live reload policy. */
export interface KnowledgeDataFiles {
  documents: LiveDataFile<{ files: KnowledgeFile[]; chunks: KnowledgeChunk[] }>;
  staffAnswers: LiveDataFile<KnowledgeChunk[]>;
  glossary: LiveDataFile<Glossary | undefined>;
  routing: LiveDataFile<QuestionRouter>;
  fundingUses: LiveDataFile<ListedUse[]>;
}

/** Kinds whose change rebuilds the knowledge index. */
export const KNOWLEDGE_INDEX_KINDS = ['documents', 'staff-answers', 'glossary', 'routing-examples', 'funding-uses'];

const posix = (path: string) => path.split('\\').join('/');
export const oneKnowledgeFile = (name: string) => ({ rootLabel: 'knowledge', files: `knowledge/${posix(name)}`, includes: (path: string) => path === posix(name) });

/**
 * Required: the documents and the routing examples (no answer without them). Optional, with the
 * fallback the index uses while they have no good copy: staff answers (none), glossary (no
 * expansions), funding uses (none listed).
 */
export function registerKnowledgeDataFiles(registry: DataFileRegistry, knowledgeDir: string, indexDir?: string): KnowledgeDataFiles {
  const root = knowledgeDir;
  return {
    documents: registry.add({
      kind: 'documents', root, rootLabel: 'knowledge', files: 'knowledge/*.md', required: true,
      includes: (path) => !path.includes('/') && path.endsWith('.md'),
      load: (folder) => loadKnowledgeDocuments(folder),
      fix: 'each knowledge document starts with front matter and has "## heading {#id}" sections',
    }),
    staffAnswers: registry.add({
      kind: 'staff-answers', root, ...oneKnowledgeFile(STAFF_ANSWERS_FILE), required: false,
      load: (folder) => loadStaffAnswerKnowledge(folder),
      fix: 'see the comment at the top of knowledge/staff-answers.yaml',
    }),
    glossary: registry.add({
      kind: 'glossary', root, ...oneKnowledgeFile(GLOSSARY_FILE), required: false,
      load: (folder) => (existsSync(join(folder, GLOSSARY_FILE)) ? loadGlossary(join(folder, GLOSSARY_FILE)) : undefined),
      fix: 'edit knowledge/glossary.yaml: each entry needs ko, en, optional aliases and a category',
    }),
    routing: registry.add({
      kind: 'routing-examples', root, ...oneKnowledgeFile(ROUTING_EXAMPLES_FILE), required: true,
      // Training happens here, so an edit retrains once and a bad edit keeps the last trained router;
      // the index directory keeps the trained model across starts.
      load: (folder) => QuestionRouter.fromKnowledge(folder, indexDir),
      fix: 'every route needs a description and its examples; see the top of knowledge/routing-examples.yaml',
    }),
    fundingUses: registry.add({
      kind: 'funding-uses', root, ...oneKnowledgeFile(FUNDING_USES_FILE), required: false,
      load: (folder) => loadFundingUses(folder),
      fix: 'each use in knowledge/funding-uses.yaml needs ko, en and a list of aliases',
    }),
  };
}

/** The values in service as the index reads them, with each optional kind's fallback. */
export function knowledgeSources(files: KnowledgeDataFiles, registry: DataFileRegistry) {
  const orElse = <T>(file: LiveDataFile<T>, fallback: T) => () => (file.available ? file.current : fallback);
  return {
    documents: () => files.documents.current,
    staffAnswers: orElse(files.staffAnswers, []),
    router: () => files.routing.current,
    fundingUses: orElse(files.fundingUses, []),
    glossary: orElse<Glossary | undefined>(files.glossary, undefined),
    refresh: () => registry.checkNow(),
    problems: () => registry.problems().filter((status) => KNOWLEDGE_INDEX_KINDS.includes(status.kind)),
  };
}
