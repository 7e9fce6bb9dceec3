import type { StaffAccess } from '../access/staff-access.js';
import type { ItdaConfig } from '../config/config.js';
import { configuredChatModel } from '../llm/chat-model.js';
import type { ProgramFacts } from '../program/program-facts.js';
import type { LiveKnowledgeIndex } from '../question-answering/live-knowledge-index.js';
import { configuredEmbeddings } from '../retrieval/configured-embeddings.js';
import type { Storage } from '../storage/open-storage.js';
import type { Logger } from '../observability/logger.js';
import { KnowledgeLoop } from './knowledge-loop.js';
import { knowledgeLookup } from './knowledge-lookup.js';
import { modelTranslator } from './model-translator.js';
import { SimilarQuestionFinder } from './similar-question.js';

/** The knowledge loop as configured: the same embedder as the knowledge index, the chat model (if any) to translate. */
export function createKnowledgeLoop(
  config: ItdaConfig,
  storage: Storage,
  staff: StaffAccess,
  capabilities: { knowledge?: LiveKnowledgeIndex; programFacts: () => ProgramFacts },
  logger?: Logger,
): KnowledgeLoop {
  return new KnowledgeLoop({
    database: storage.database,
    tickets: storage.tickets,
    contexts: storage.answerContexts,
    audit: storage.audit,
    staff,
    similarity: new SimilarQuestionFinder(configuredEmbeddings(config.openai)),
    knowledgeDir: config.knowledgeDir,
    now: config.now,
    knowledge: capabilities.knowledge && knowledgeLookup(capabilities.knowledge),
    translator: config.openai && modelTranslator(configuredChatModel(config.openai)!),
    rounds: () => capabilities.programFacts().rounds,
    logger,
  });
}
