import type { ItdaConfig } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { configuredChatModel } from '../llm/chat-model.js';
import { configuredEmbeddings } from '../retrieval/configured-embeddings.js';
import { loadAnswerPrompt, type AnswerPrompt } from './answer-prompt.js';
import { KnowledgeQuestionAnswering } from './knowledge-question-answering.js';
import { LiveKnowledgeIndex, type KnowledgeSources } from './live-knowledge-index.js';


export interface CreatedQuestionAnswering {
  questionAnswering: KnowledgeQuestionAnswering;
  knowledge: LiveKnowledgeIndex;
}

/**
 * Question answering as configured: the knowledge index (persisted under config.indexDir),
 * the optional chat model, and, when `watch` is set, reloading on knowledge edits.
 */
export async function createQuestionAnswering(
  config: ItdaConfig,
  logger: Logger,
  programFacts: () => ProgramFacts,
  options: { watch?: boolean; sources?: KnowledgeSources; prompt?: AnswerPrompt } = {},
): Promise<CreatedQuestionAnswering> {
  const knowledge = await LiveKnowledgeIndex.open({ knowledgeDir: config.knowledgeDir, embeddings: configuredEmbeddings(config.openai), cacheDir: config.indexDir, logger, sources: options.sources });
  if (options.watch) knowledge.watch();
  const chatModel = configuredChatModel(config.openai);
  const model = chatModel ? { chatModel, prompt: options.prompt ?? loadAnswerPrompt() } : undefined;
  const questionAnswering = new KnowledgeQuestionAnswering({ knowledge, programFacts, now: config.now, model, logger });
  return { questionAnswering, knowledge };
}
