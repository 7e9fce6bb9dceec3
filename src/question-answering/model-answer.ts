import { z } from 'zod';
import type { ConversationTurn } from '../conversation/ports.js';
import type { Language, SourceRef } from '../conversation/reply.js';
import type { LanguageModel } from '../llm/language-model.js';
import { fillTemplate, type AnswerPrompt } from './answer-prompt.js';
import { citationOf, LEGAL_TOPICS, NOT_LEGAL_ADVICE, type ShownSection } from './cited-sections.js';
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
 * Asks the model to answer from the retrieved passages only. Passages are fenced as data; the
 * reply must be JSON naming the passages it used, and a citation to anything not retrieved is
 * dropped; with no valid citation left the answer is not trusted at all.
 */
export async function answerWithModel(
  model: LanguageModel,
  prompt: AnswerPrompt,
  question: string,
  sections: ShownSection[],
  language: Language,
  history: ConversationTurn[] = [],
): Promise<ModelAnswer> {
  const passages = sections.map((section, index) => ({ id: `P${index + 1}`, section }));
  const user = fillTemplate(prompt.user, {
    history: history.slice(-4).map((turn) => `${turn.role}: ${fence(turn.text).slice(0, 500)}`).join('\n') || '(none)',
    passages: passages
      .map(({ id, section }) => {
        const { source, heading } = section.chunk.metadata;
        return `<passage id="${id}" source="${source}" section="${heading.replace(/"/g, "'")}">\n${fence(section.chunk.metadata.lines.join('\n'))}\n</passage>`;
      })
      .join('\n'),
    question: fence(question),
  });
  let raw: string;
  try {
    raw = await model.complete({
      messages: [
        { role: 'system', content: fillTemplate(prompt.system, { language: language === 'ko' ? 'Korean' : 'English' }) },
        { role: 'user', content: user },
      ],
      json: true,
      maxTokens: 600,
      temperature: 0,
    });
  } catch (error) {
    return { outcome: 'fallback', reason: `model call failed: ${(error as Error).message}` };
  }
  const parsed = modelReplySchema.safeParse(parseJson(raw));
  if (!parsed.success) return { outcome: 'fallback', reason: 'model reply is not the expected JSON' };
  if (!parsed.data.answerable) return { outcome: 'not_in_passages' };
  const cited = [...new Set(parsed.data.citations)].flatMap((id) => passages.filter((passage) => passage.id === id.trim()));
  if (cited.length === 0 || parsed.data.answer.trim() === '') return { outcome: 'fallback', reason: 'model answer cites no retrieved passage' };
  if (echoesInstructions(parsed.data.answer, prompt)) return { outcome: 'fallback', reason: 'model answer repeats its instructions' };
  const citations = cited.map(({ section }) => citationOf(section.chunk));
  const legal = cited.some(({ section }) => LEGAL_TOPICS.has(section.chunk.metadata.topic));
  const passageTexts = sections.map((section) => section.chunk.metadata.lines.join('\n'));
  const text = keepOnlyPassageLinks(parsed.data.answer.trim(), passageTexts, language).split('\n').slice(0, 6).join('\n');
  return { outcome: 'answered', text: legal ? `${text}\n${NOT_LEGAL_ADVICE[language]}` : text, citations };
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

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    return undefined;
  }
}
