import type { StaffAccess } from '../access/staff-access.js';
import type { ItdaConfig } from '../config/config.js';
import { OpenAiLanguageModel } from '../llm/openai-language-model.js';
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
  const openai = config.openai;
  return new KnowledgeLoop({
    database: storage.database,
    tickets: storage.tickets,
    contexts: storage.answerContexts,
    audit: storage.audit,
    staff,
    similarity: new SimilarQuestionFinder(configuredEmbeddings(openai)),
    knowledgeDir: config.knowledgeDir,
    now: config.now,
    knowledge: capabilities.knowledge && knowledgeLookup(capabilities.knowledge),
    translator: openai ? modelTranslator(new OpenAiLanguageModel({ apiKey: openai.apiKey, baseUrl: openai.baseUrl, model: openai.model, timeoutMs: openai.timeoutMs })) : undefined,
    rounds: () => capabilities.programFacts().rounds,
    logger,
  });
}
