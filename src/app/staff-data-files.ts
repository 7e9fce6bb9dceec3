import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { ItdaConfig } from '../config/config.js';
import { DataFileRegistry } from '../data-files/data-file-registry.js';
import type { LiveDataFile } from '../data-files/live-data-file.js';
import { loadPromptFiles } from '../data-files/prompt-files.js';
import { loadCatalog, type Catalog } from '../matching/load-catalog.js';
import type { Logger } from '../observability/logger.js';
import { loadMessageCatalog, type MessageCatalog } from '../messages/message-catalog.js';
import { messagesDirOf } from '../messages/messages.js';
import { loadResearchPlanForm, RESEARCH_PLAN_FORM_FILE, type FormDefinition } from '../pre-application/form-definition.js';
import { loadPrivacyChecks, PRIVACY_CHECKS_FILE, type PrivacyCheck } from '../pre-application/privacy-checks.js';
import { FORM_UTTERANCES_FILE, loadUtteranceExamples, UtteranceIntentModel } from '../pre-application/utterance-intent.js';
import { oneKnowledgeFile, registerKnowledgeDataFiles, type KnowledgeDataFiles } from '../question-answering/knowledge-data-files.js';
import { loadProgramFacts, PROGRAM_FACTS_FILE, type ProgramFacts } from '../program/program-facts.js';

export const ANSWER_PROMPTS = {
  'answer-question.md': ['language'],
  'answer-question-user.md': ['history', 'passages', 'question'],
  'polish-plan-answer.md': [],
} as const;
export type PromptName = keyof typeof ANSWER_PROMPTS;

/** Every staff-edited file Itda serves from, each under the one live-reload policy. */
export interface StaffDataFiles extends KnowledgeDataFiles {
  registry: DataFileRegistry;
  program: LiveDataFile<ProgramFacts>;
  form: LiveDataFile<FormDefinition>;
  formUtterances: LiveDataFile<UtteranceIntentModel>;
  privacyChecks: LiveDataFile<PrivacyCheck[]>;
  catalog: LiveDataFile<Catalog>;
  prompts: LiveDataFile<Record<PromptName, string>>;
  messages: LiveDataFile<MessageCatalog>;
}

const posix = (path: string) => path.split('\\').join('/');

/**
 * Registers each kind. Required: the documents, program facts, routing examples and the form
 * (Itda cannot answer or run the form without them). The rest start without a good copy, each
 * with a fallback its consumer states (no glossary expansions, no staff answers, matching
 * unavailable), and all of them show on /healthz and App Home until fixed.
 */
export function registerStaffDataFiles(config: ItdaConfig, logger: Logger): StaffDataFiles {
  const registry = new DataFileRegistry({ logger, lastGoodDir: join(config.indexDir, 'last-good-data') });
  const knowledge = { root: config.knowledgeDir };
  const oneFile = oneKnowledgeFile;
  const catalogIsFolder = statSync(config.catalogPath, { throwIfNoEntry: false })?.isDirectory() ?? true;
  const catalogRoot = catalogIsFolder ? config.catalogPath : dirname(config.catalogPath);
  const catalogLabel = isAbsolute(catalogRoot) ? basename(catalogRoot) : posix(catalogRoot);
  return {
    registry,
    ...registerKnowledgeDataFiles(registry, config.knowledgeDir, config.indexDir),
    program: registry.add({
      kind: 'program', ...knowledge, ...oneFile(PROGRAM_FACTS_FILE), required: true,
      load: (root) => loadProgramFacts(root),
      fix: 'edit knowledge/program.yaml as its header comment describes',
    }),
    form: registry.add({
      kind: 'form', ...knowledge, ...oneFile(RESEARCH_PLAN_FORM_FILE), required: true,
      load: (root) => loadResearchPlanForm(root),
      fix: 'edit knowledge/forms/research-plan.yaml as the comments at its top describe',
    }),
    formUtterances: registry.add({
      kind: 'form-utterances', ...knowledge, ...oneFile(FORM_UTTERANCES_FILE), required: false,
      // Without examples (an old knowledge copy) every message is read as an answer or by its shape.
      load: (root) => new UtteranceIntentModel(existsSync(join(root, FORM_UTTERANCES_FILE)) ? loadUtteranceExamples(root) : []),
      fix: 'knowledge/forms/form-utterances.yaml needs three lists (answer, question, correction) of example messages',
    }),
    privacyChecks: registry.add({
      kind: 'privacy-checks', ...knowledge, ...oneFile(PRIVACY_CHECKS_FILE), required: false,
      load: (root) => loadPrivacyChecks(root),
      fix: 'edit knowledge/forms/privacy-checks.yaml as its header comment describes',
    }),
    catalog: registry.add({
      kind: 'catalog', root: catalogRoot, rootLabel: catalogLabel, required: false,
      files: catalogIsFolder ? `${catalogLabel}/*.yaml` : `${catalogLabel}/${basename(config.catalogPath)}`,
      includes: catalogIsFolder ? (path) => !path.includes('/') && /\.(ya?ml|json)$/i.test(path) : (path) => path === basename(config.catalogPath),
      load: (root) => loadCatalog(catalogIsFolder ? root : join(root, basename(config.catalogPath))),
      fix: 'every team needs id, hospital, department and at least one asset; see knowledge/hospitals/README.md',
    }),
    messages: registry.add({
      // The wording (catalogs14); both languages are checked together, so a key or placeholder missing in one keeps the last good pair.
      kind: 'messages', root: messagesDirOf(config.knowledgeDir), rootLabel: 'knowledge/messages', files: 'knowledge/messages/{ko,en}/*.yaml', required: true,
      includes: (path) => /^(ko|en)\/[^/]+\.ya?ml$/.test(path),
      load: (root) => loadMessageCatalog(root),
      fix: 'write each message as name: text in both knowledge/messages/ko/ and en/, with the same {placeholders}',
    }),
    prompts: registry.add({
      kind: 'prompts', root: config.promptsDir, rootLabel: 'prompts', files: 'prompts/*.md', required: config.openai !== undefined,
      includes: (path) => path in ANSWER_PROMPTS,
      load: (root) => loadPromptFiles(root, ANSWER_PROMPTS as unknown as Record<string, string[]>) as Record<PromptName, string>,
      fix: 'restore the prompt text with its {{placeholders}}',
    }),
  };
}
