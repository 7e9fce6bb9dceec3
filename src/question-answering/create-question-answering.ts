import type { ItdaConfig } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { OpenAiLanguageModel } from '../llm/openai-language-model.js';
import { LocalHashingEmbeddings } from '../retrieval/local-hashing-embeddings.js';
import type { NamedEmbeddings } from '../retrieval/named-embeddings.js';
import { createOpenAiEmbeddings } from '../retrieval/openai-compatible-embeddings.js';
import { loadAnswerPrompt } from './answer-prompt.js';
import { KnowledgeQuestionAnswering } from './knowledge-question-answering.js';
import { LiveKnowledgeIndex } from './live-knowledge-index.js';

/** Offline: local hashing vectors. With OPENAI_API_KEY: the configured embedding model. */
export function embeddingsFor(config: ItdaConfig): NamedEmbeddings {
  const openai = config.openai;
  if (!openai) return new LocalHashingEmbeddings();
  return createOpenAiEmbeddings({ apiKey: openai.apiKey, baseUrl: openai.baseUrl, model: openai.embeddingModel, timeoutMs: openai.timeoutMs });
}

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
  options: { watch?: boolean } = {},
): Promise<CreatedQuestionAnswering> {
  const knowledge = await LiveKnowledgeIndex.open({ knowledgeDir: config.knowledgeDir, embeddings: embeddingsFor(config), cacheDir: config.indexDir, logger });
  if (options.watch) knowledge.watch();
  const openai = config.openai;
  const model = openai
    ? { languageModel: new OpenAiLanguageModel({ apiKey: openai.apiKey, baseUrl: openai.baseUrl, model: openai.model, timeoutMs: openai.timeoutMs }), prompt: loadAnswerPrompt() }
    : undefined;
  const questionAnswering = new KnowledgeQuestionAnswering({ knowledge, programFacts, now: config.now, model, logger });
  return { questionAnswering, knowledge };
}
