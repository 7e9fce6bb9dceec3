import { join } from 'node:path';
import type { ItdaConfig } from '../config/config.js';
import { useParsedDataCache } from '../data-files/parsed-data-cache.js';
import { useMessageCatalog } from '../messages/messages.js';
import type { QuestionAnswering, TeamMatching } from '../ports/capabilities.js';
import type { Logger } from '../observability/logger.js';
import { CatalogTeamMatching } from '../matching/catalog-team-matching.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { KNOWLEDGE_INDEX_KINDS, knowledgeSources } from '../question-answering/knowledge-data-files.js';
import { createQuestionAnswering } from '../question-answering/create-question-answering.js';
import { liveAnswerPrompt } from '../question-answering/answer-prompt.js';
import type { LiveKnowledgeIndex } from '../question-answering/live-knowledge-index.js';
import type { PlanKnowledgeSnapshot } from '../pre-application/plan-knowledge.js';
import { UtteranceIntentModel } from '../pre-application/utterance-intent.js';
import { registerStaffDataFiles, type StaffDataFiles } from './staff-data-files.js';

/** Form examples that cannot be used: every message is read as an answer or by its shape, as with an old knowledge copy. */
const EMPTY_INTENTS = new UtteranceIntentModel([]);

export interface Capabilities {
  programFacts: () => ProgramFacts;
  questionAnswering: QuestionAnswering;
  matching?: TeamMatching;
  /** The live knowledge index, for the knowledge loop's "이미 답변 있음" and reload after a staff answer. */
  knowledge: LiveKnowledgeIndex;
  /** Every staff-edited file in service, with its status (for /healthz and App Home). */
  dataFiles: StaffDataFiles;
  /** The form, facts, examples and checks in service, for the pre-application. */
  planKnowledge: () => PlanKnowledgeSnapshot;
  /** Stops watching knowledge/ and prompts/ (the long-running app watches; one-shot commands do not). */
  close: () => void;
}

/** The capabilities without storage: what the one-shot CLI commands (ask, match) need. */
export async function createCapabilities(config: ItdaConfig, logger: Logger, options: { watch?: boolean } = {}): Promise<Capabilities> {
  useParsedDataCache(join(config.indexDir, 'parsed-data'));
  // One reload policy for every staff file: read and validated here, watched when the app runs.
  const dataFiles = registerStaffDataFiles(config, logger);
  await dataFiles.registry.start();
  // The wording in service: a staff typo in knowledge/messages/ keeps the last good catalog (or, with none, stops the start naming file, key and fix).
  useMessageCatalog(dataFiles.messages.current);
  dataFiles.registry.onReload(['messages'], () => useMessageCatalog(dataFiles.messages.current));
  const programFacts = () => dataFiles.program.current;
  // Indexes the hospital catalog on first use: a broken catalog or a slow embedder never blocks start-up.
  const matching = new CatalogTeamMatching({
    catalogPath: config.catalogPath,
    knowledgeDir: config.knowledgeDir,
    indexDir: config.indexDir,
    openai: config.openai,
    onWarning: (message) => logger.warn({ component: 'matching' }, message),
    catalog: () => dataFiles.catalog.current,
    glossary: () => dataFiles.glossary.current,
  });
  const prompts = dataFiles.prompts;
  const { questionAnswering, knowledge } = await createQuestionAnswering(config, logger, programFacts, {
    sources: knowledgeSources(dataFiles, dataFiles.registry),
    // Getters, so the model always gets the prompts in service.
    prompt: liveAnswerPrompt(() => ({ system: prompts.current['answer-question.md'], user: prompts.current['answer-question-user.md'] })),
  });
  dataFiles.registry.onReload(KNOWLEDGE_INDEX_KINDS, () => knowledge.rebuild());
  dataFiles.registry.onReload(['catalog', 'glossary'], () => matching.rebuild());
  const planKnowledge = (): PlanKnowledgeSnapshot => ({
    form: dataFiles.form.current,
    facts: dataFiles.program.current,
    intents: dataFiles.formUtterances.available ? dataFiles.formUtterances.current : EMPTY_INTENTS,
    privacyChecks: dataFiles.privacyChecks.available ? dataFiles.privacyChecks.current : [],
    ...(prompts.available ? { polishPrompt: prompts.current['polish-plan-answer.md'] } : {}),
  });
  if (options.watch) dataFiles.registry.watch();
  return {
    matching,
    programFacts,
    questionAnswering,
    knowledge,
    dataFiles,
    planKnowledge,
    close: () => {
      dataFiles.registry.close();
      knowledge.close();
    },
  };
}
