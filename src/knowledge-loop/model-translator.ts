import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { Language } from '../messages/language.js';
import type { ChatModelSource } from '../llm/chat-model.js';
import type { Translator } from './knowledge-loop-ports.js';

const NAMES: Record<Language, string> = { ko: 'Korean', en: 'English' };

const TRANSLATE_PROMPT = ChatPromptTemplate.fromMessages(
  [
    ['system', "Translate the program office's answer from {{from}} to {{to}}. Keep names, numbers, dates and links exactly. Reply with the translation only."],
    ['human', '{{text}}'],
  ],
  { templateFormat: 'mustache' },
);

/** Staff answers translated by the configured chat model; the reply says it was machine translated. */
export function modelTranslator(model: ChatModelSource): Translator {
  return {
    async translate(text, from, to) {
      const chain = TRANSLATE_PROMPT.pipe(await model.load()).pipe(new StringOutputParser());
      const translated = await chain.invoke({ from: NAMES[from], to: NAMES[to], text });
      return translated.trim() || undefined;
    },
  };
}
