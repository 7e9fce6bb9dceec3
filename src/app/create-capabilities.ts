import { join } from 'node:path';
import type { ItdaConfig } from '../config/config.js';
import { useParsedDataCache } from '../data-files/parsed-data-cache.js';
import { loadMessageCatalog } from '../messages/message-catalog.js';
import { messagesDirOf, useMessageCatalog } from '../messages/messages.js';
import type { QuestionAnswering, TeamMatching } from '../conversation/capabilities.js';
import type { Logger } from '../observability/logger.js';
import { CatalogTeamMatching } from '../matching/catalog-team-matching.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { liveProgramFacts } from '../program/live-program-facts.js';
import { createQuestionAnswering } from '../question-answering/create-question-answering.js';
import type { LiveKnowledgeIndex } from '../question-answering/live-knowledge-index.js';

export interface Capabilities {
  programFacts: () => ProgramFacts;
  questionAnswering: QuestionAnswering;
  matching?: TeamMatching;
  /** The live knowledge index, for the knowledge loop's "이미 답변 있음" and reload after a staff answer. */
  knowledge: LiveKnowledgeIndex;
  /** Stops watching knowledge/ (the long-running app watches; one-shot commands do not). */
  close: () => void;
}

/** The capabilities without storage: what the one-shot CLI commands (ask, match) need. */
export async function createCapabilities(config: ItdaConfig, logger: Logger, options: { watch?: boolean } = {}): Promise<Capabilities> {
  useParsedDataCache(join(config.indexDir, 'parsed-data'));
  // Loaded once at start: a staff typo in knowledge/messages/ stops the start naming file, key and fix.
  useMessageCatalog(loadMessageCatalog(messagesDirOf(config.knowledgeDir)));

  const programFacts = liveProgramFacts(config.knowledgeDir, logger);
  // Reads and indexes the hospital catalog on first use: a broken catalog or a slow embedder never blocks start-up.
  const matching = new CatalogTeamMatching({
    catalogPath: config.catalogPath,
    knowledgeDir: config.knowledgeDir,
    indexDir: config.indexDir,
    openai: config.openai,
    onWarning: (message) => logger.warn({ component: 'matching' }, message),
  });
  // Builds (or loads from config.indexDir) the knowledge index and reloads it when knowledge/ changes.
  const { questionAnswering, knowledge } = await createQuestionAnswering(config, logger, programFacts, { watch: options.watch ?? false });
  return {
    matching,
    programFacts,
    questionAnswering,
    knowledge,
    close: () => knowledge.close(),
  };
}
