import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { z } from 'zod';
import type { Language } from '../messages/language.js';
import type { ChatModelSource } from '../llm/chat-model.js';
import { structuredReplyChain } from '../llm/structured-reply.js';
import type { PartialAnswers } from './answers-schema.js';
import { getAt } from './answer-paths.js';
import type { FormDefinition } from './form-definition.js';
import { readsLikeChat } from './plan-style.js';

const PROMPT_FILE = fileURLToPath(new URL('../../prompts/polish-plan-answer.md', import.meta.url));
const replySchema = z.object({ text: z.string().min(1) });

/** The staff-edited instructions as the system message; the answer, fenced as data, as the user message. */
function polishPrompt(system: string): ChatPromptTemplate {
  return ChatPromptTemplate.fromMessages(
    [
      ['system', system],
      ['human', '<answer field="{{field}}">\n{{answer}}\n</answer>'],
    ],
    { templateFormat: 'mustache' },
  );
}

/**
 * With a chat model configured, chat-style answers ("만드는 회사예요") are rewritten in plan style
 * through the prompt template and zod-validated structured output. A rewrite is used only if every
 * number, date and name of the original is still there verbatim; otherwise (or if the model fails)
 * the answer stays as typed, marked ✏️.
 */
export async function polishAnswers(model: ChatModelSource, form: FormDefinition, answers: PartialAnswers, language: Language, prompt?: string): Promise<Record<string, string>> {
  const polished: Record<string, string> = {};
  const chatty = form.fields
    .filter((candidate) => candidate.kind === 'longtext')
    .map((field) => ({ field, original: getAt(answers, field.path) }))
    .filter((entry): entry is { field: typeof entry.field; original: string } => typeof entry.original === 'string' && readsLikeChat(entry.original, language));
  if (chatty.length === 0) return polished;
  // The running app passes the prompt in service (live reload policy); alone, the bundled file.
  const rewrite = structuredReplyChain(polishPrompt(prompt ?? readFileSync(PROMPT_FILE, 'utf8')), await model.load(), replySchema, 'plan_answer_rewrite');
  for (const { field, original } of chatty) {
    const reply = await rewrite({ field: field.label.en, answer: original });
    // On any failure the template (the answer as typed) stands.
    if (reply.ok && keepsFacts(original, reply.value.text)) polished[field.path] = reply.value.text.trim();
  }
  return polished;
}

/** Capitalised only because they open a sentence: a rewrite may drop them. */
const SENTENCE_WORDS = new Set(['We', 'Our', 'The', 'It', 'This', 'That', 'These', 'They', 'An', 'In', 'For', 'So', 'And', 'But']);

/** Numbers, dates, Latin names and terms, e-mails: what a rewrite must not change. */
export function factsOf(text: string): string[] {
  const numbers = text.match(/\d[\d,.:/~-]*\d|\d/g) ?? [];
  const latin = text.match(/[A-Za-z][A-Za-z0-9.&+-]*[A-Za-z0-9]/g)?.filter((word) => /[A-Z0-9]/.test(word) && !SENTENCE_WORDS.has(word)) ?? [];
  const korean = text.match(/[가-힣A-Za-z]*(?:병원|대학교|대학|주식회사|의료원|센터|학회|식약처)/g) ?? [];
  return [...new Set([...numbers, ...latin, ...korean])];
}

export function keepsFacts(original: string, rewritten: string): boolean {
  return factsOf(original).every((fact) => rewritten.includes(fact));
}
