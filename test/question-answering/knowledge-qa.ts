import { fileURLToPath } from 'node:url';
import type { ConversationTurn } from '../../src/ports/stores.js';
import type { Language } from '../../src/messages/language.js';
import type { ChatModelSource } from '../../src/llm/chat-model.js';
import { silentLogger } from '../../src/observability/logger.js';
import { loadProgramFacts } from '../../src/program/program-facts.js';
import { loadAnswerPrompt } from '../../src/question-answering/answer-prompt.js';
import { KnowledgeQuestionAnswering } from '../../src/question-answering/knowledge-question-answering.js';
import { LiveKnowledgeIndex } from '../../src/question-answering/live-knowledge-index.js';
import { LocalHashingEmbeddings } from '../../src/retrieval/local-hashing-embeddings.js';
import { copyOfBuiltIndex } from '../built-index.js';

export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));

/** "2025-04-20" pins noon in Seoul, as ITDA_NOW does. */
export const seoulNoon = (date: string) => new Date(`${date}T12:00:00+09:00`);

/**
 * Question answering over the real knowledge/ folder, offline, with its index in a temp folder:
 * `ask('마감까지 며칠 남았어?', { now: '2025-04-20' })` returns the answer text.
 */
export async function knowledgeQa(options: { knowledgeDir?: string; model?: ChatModelSource } = {}) {
  const knowledgeDir = options.knowledgeDir ?? KNOWLEDGE_DIR;
  const facts = loadProgramFacts(knowledgeDir);
  let now = seoulNoon('2026-11-28');
  const knowledge = await LiveKnowledgeIndex.open({
    knowledgeDir,
    embeddings: new LocalHashingEmbeddings(),
    cacheDir: copyOfBuiltIndex('itda-qa-test-'),
    logger: silentLogger,
  });
  const qa = new KnowledgeQuestionAnswering({
    knowledge,
    programFacts: () => facts,
    now: () => now,
    model: options.model && { chatModel: options.model, prompt: loadAnswerPrompt() },
    logger: silentLogger,
  });
  const result = async (question: string, context: { now?: string; history?: string[]; language?: Language } = {}) => {
    if (context.now) now = seoulNoon(context.now);
    const history: ConversationTurn[] = (context.history ?? []).map((text, index) => ({
      conversationId: 'C1',
      userId: 'U1',
      role: index % 2 === 0 ? 'user' : 'assistant',
      text,
      createdAt: new Date(0).toISOString(),
    }));
    return qa.answer(question, { history, language: context.language });
  };
  const ask = async (question: string, context: Parameters<typeof result>[1] = {}) => (await result(question, context)).answer;
  return { qa, knowledge, result, ask };
}
