import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Language } from '../conversation/reply.js';
import type { LanguageModel } from '../llm/language-model.js';
import type { PartialAnswers } from './answers-schema.js';
import { getAt } from './answer-paths.js';
import type { FormDefinition } from './form-definition.js';
import { readsLikeChat } from './plan-style.js';

const PROMPT_FILE = fileURLToPath(new URL('../../prompts/polish-plan-answer.md', import.meta.url));
const replySchema = z.object({ text: z.string().min(1) });

/**
 * With a language model configured, chat-style answers ("만드는 회사예요") are rewritten in
 * plan style. A rewrite is used only if every number, date and name of the original is still
 * there verbatim; otherwise (or if the model fails) the answer stays as typed, marked ✏️.
 */
export async function polishAnswers(model: LanguageModel, form: FormDefinition, answers: PartialAnswers, language: Language, prompt?: string): Promise<Record<string, string>> {
  const polished: Record<string, string> = {};
  // The running app passes the prompt in service (live reload policy); alone, the bundled file.
  const system = prompt ?? readFileSync(PROMPT_FILE, 'utf8');
  for (const field of form.fields.filter((candidate) => candidate.kind === 'longtext')) {
    const original = getAt(answers, field.path);
    if (typeof original !== 'string' || !readsLikeChat(original, language)) continue;
    try {
      const reply = await model.complete({
        messages: [{ role: 'system', content: system }, { role: 'user', content: `<answer field="${field.label.en}">\n${original}\n</answer>` }],
        json: true,
        temperature: 0,
      });
      const parsed = replySchema.safeParse(JSON.parse(reply));
      if (parsed.success && keepsFacts(original, parsed.data.text)) polished[field.path] = parsed.data.text.trim();
    } catch {
      // The template (the answer as typed) stands.
    }
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
