import type { Language } from '../conversation/reply.js';
import type { LanguageModel } from '../llm/language-model.js';
import type { Translator } from './knowledge-loop-ports.js';

const NAMES: Record<Language, string> = { ko: 'Korean', en: 'English' };

/** Staff answers translated by the configured chat model; the reply says it was machine translated. */
export function modelTranslator(model: LanguageModel): Translator {
  return {
    async translate(text, from, to) {
      const translated = await model.complete({
        messages: [
          { role: 'system', content: `Translate the program office's answer from ${NAMES[from]} to ${NAMES[to]}. Keep names, numbers, dates and links exactly. Reply with the translation only.` },
          { role: 'user', content: text },
        ],
        temperature: 0,
        maxTokens: 800,
      });
      return translated.trim() || undefined;
    },
  };
}
