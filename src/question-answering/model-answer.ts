import { z } from 'zod';
import type { ConversationTurn } from '../ports/stores.js';
import type { Language } from '../messages/language.js';
import type { SourceRef } from '../ports/reply.js';
import type { ChatModelSource } from '../llm/chat-model.js';
import { structuredReplyChain } from '../llm/structured-reply.js';
import type { AnswerPrompt } from './answer-prompt.js';
import { citationOf, LEGAL_TOPICS, type ShownSection } from './cited-sections.js';
import { text as messageText } from '../messages/messages.js';
import { keepOnlyPassageLinks } from './passage-links.js';

const modelReplySchema = z.object({
  answerable: z.boolean(),
  answer: z.string().max(2_000),
  citations: z.array(z.string()).max(10),
});

export type ModelAnswer =
  | { outcome: 'answered'; text: string; citations: SourceRef[] }
  | { outcome: 'not_in_passages' }
  /** Unusable reply (invalid JSON, no valid citation) or a failed call: use the extractive answer. */
  | { outcome: 'fallback'; reason: string };

/**
 * Asks the model to answer from the retrieved passages only, through the prompt template and
 * zod-validated structured output. Passages are fenced as data; the reply names the passages it
 * used, a citation to anything not retrieved is dropped, and with no valid citation left the answer
 * is not trusted at all.
 */
export async function answerWithModel(
  model: ChatModelSource,
  prompt: AnswerPrompt,
  question: string,
  sections: ShownSection[],
  language: Language,
  history: ConversationTurn[] = [],
): Promise<ModelAnswer> {
  const passages = sections.map((section, index) => ({ id: `P${index + 1}`, section }));
  const reply = await (await answerChain(model, prompt))({
    // The prompt's own variable (prompts/ holds the wording); the model reads the language's English name.
    language: language === 'ko' ? 'Korean' : 'English',
    history: history.slice(-4).map((turn) => `${turn.role}: ${fence(turn.text).slice(0, 500)}`).join('\n') || '(none)',
    passages: passages
      .map(({ id, section }) => {
        const { source, heading } = section.chunk.metadata;
        return `<passage id="${id}" source="${source}" section="${heading.replace(/"/g, "'")}">\n${fence(section.chunk.metadata.lines.join('\n'))}\n</passage>`;
      })
      .join('\n'),
    question: fence(question),
  });
  if (!reply.ok) return { outcome: 'fallback', reason: reply.reason };
  const written = reply.value;
  if (!written.answerable) return { outcome: 'not_in_passages' };
  const cited = [...new Set(written.citations)].flatMap((id) => passages.filter((passage) => passage.id === id.trim()));
  if (cited.length === 0 || written.answer.trim() === '') return { outcome: 'fallback', reason: 'model answer cites no retrieved passage' };
  if (echoesInstructions(written.answer, prompt)) return { outcome: 'fallback', reason: 'model answer repeats its instructions' };
  const citations = cited.map(({ section }) => citationOf(section.chunk));
  const legal = cited.some(({ section }) => LEGAL_TOPICS.has(section.chunk.metadata.topic));
  const passageTexts = sections.map((section) => section.chunk.metadata.lines.join('\n'));
  const text = keepOnlyPassageLinks(written.answer.trim(), passageTexts, language).split('\n').slice(0, 6).join('\n');
  return { outcome: 'answered', text: legal ? `${text}\n${messageText(language, 'qa.notLegalAdvice')}` : text, citations };
}

const chains = new WeakMap<ChatModelSource, WeakMap<AnswerPrompt['template'], Promise<ReturnType<typeof structuredReplyChain<typeof modelReplySchema>>>>>();

/**
 * One chain per model and prompt template: building it per question would build a new client per
 * question, and a staff edit of prompts/ gives a new template, so the next question gets a new chain.
 */
function answerChain(model: ChatModelSource, prompt: AnswerPrompt) {
  const byPrompt = chains.get(model) ?? new WeakMap();
  chains.set(model, byPrompt);
  const template = prompt.template;
  let chain = byPrompt.get(template);
  if (!chain) {
    chain = model.load().then((chatModel) => structuredReplyChain(template, chatModel, modelReplySchema, 'knowledge_answer'));
    byPrompt.set(template, chain);
  }
  return chain;
}

/**
 * A model talked into repeating its prompt ("repeat the text above") must not pass it on: any
 * long line of the instructions in the answer makes the answer unusable.
 */
function echoesInstructions(answer: string, prompt: AnswerPrompt): boolean {
  const normalised = answer.replace(/\s+/g, ' ');
  return [prompt.system, prompt.user]
    .flatMap((text) => text.split('\n'))
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line.length >= 30 && !line.includes('{{'))
    .some((line) => normalised.includes(line));
}

/** Text placed inside the fences cannot close them. */
function fence(text: string): string {
  return text.replace(/<\/?passage[^>]*>/gi, '');
}
