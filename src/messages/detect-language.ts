import type { Language } from './language.js';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/g;
const HANGUL_ONE = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const LATIN = /[A-Za-z]/g;
const LATIN_ONE = /[A-Za-z]/;
// The small words English sentences are built with; abbreviations (DRB, IRB, GPU, AI) are not among them.
const ENGLISH_FRAME = /^(what|how|when|where|who|which|why|does|do|did|is|are|was|were|can|could|should|would|will|may|have|has|the|a|an|we|our|us|i|you|it|there|any|of|in|for|with|and|or|to|about)$/i;

/**
 * The language a message is written in: the language of its grammar, not of its names.
 * Korean questions often carry English terms ("DRB 심의는 얼마나 걸려요?"), and English questions
 * name Korean hospitals and companies ("what data does 서울아산병원 have?"): words are counted,
 * and English wins when its words outnumber the Korean ones and include the small words an
 * English sentence is made of. A Korean word counts once, however many syllables it has.
 */
export function detectLanguage(text: string, fallback: Language = 'ko'): Language {
  const hangul = text.match(HANGUL)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (hangul === 0 && latin === 0) return fallback;
  if (hangul === 0) return 'en';
  if (latin === 0) return 'ko';
  const words = text.split(/[\s,.;:!?？()"'“”‘’/]+/).filter(Boolean);
  const koreanWords = words.filter((word) => HANGUL_ONE.test(word)).length;
  const englishWords = words.filter((word) => !HANGUL_ONE.test(word) && LATIN_ONE.test(word));
  const englishFrame = englishWords.some((word) => ENGLISH_FRAME.test(word.replace(/'.*$/, '')));
  if (englishFrame && englishWords.length > koreanWords) return 'en';
  return hangul * 3 >= latin ? 'ko' : 'en';
}
