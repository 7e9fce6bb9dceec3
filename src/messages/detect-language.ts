import type { Language } from './language.js';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/g;
const LATIN = /[A-Za-z]/g;

/**
 * Korean when the text has any real share of Hangul: Korean questions often carry English
 * terms ("DRB 심의는 얼마나 걸려요?"), while English questions rarely carry Hangul.
 */
export function detectLanguage(text: string, fallback: Language = 'ko'): Language {
  const hangul = text.match(HANGUL)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (hangul === 0 && latin === 0) return fallback;
  return hangul * 3 >= latin ? 'ko' : 'en';
}
