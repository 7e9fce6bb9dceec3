import type { ItdaConfig } from '../config/config.js';
import type { QuestionAnswering, TeamMatching } from '../conversation/capabilities.js';
import type { Logger } from '../observability/logger.js';
import { loadProgramFacts, type ProgramFacts } from '../program/program-facts.js';
import { ProgramFactsAnswering } from '../question-answering/program-facts-answering.js';

export interface Capabilities {
  programFacts: () => ProgramFacts;
  questionAnswering: QuestionAnswering;
  matching?: TeamMatching;
}

/** The capabilities without storage: what the one-shot CLI commands (ask, match) need. */
export async function createCapabilities(config: ItdaConfig, _logger: Logger): Promise<Capabilities> {
  const facts = loadProgramFacts(config.knowledgeDir);
  return {
    programFacts: () => facts,
    questionAnswering: new ProgramFactsAnswering(() => facts, config.now),
  };
}
