import type { Language } from '../messages/language.js';

/**
 * Whether an answer reads like chat rather than a plan ("만드는 회사예요", "we're building").
 * Korean speech level is grammar, so the sentence endings are the truth: a plan is written
 * in 합니다/함 style, a chat in 해요 style.
 */
const KOREAN_POLITE_ENDING = /(?:예요|이에요|에요|해요|어요|아요|거든요|죠|네요|고요|구요|데요|래요|까요|요)[.!?~…]*$/;
const ENGLISH_CHAT = /\b(?:we're|it's|don't|can't|won't|isn't|aren't|we've|gonna|wanna|kinda|stuff|lots of|pretty much|basically)\b/i;

export function readsLikeChat(text: string, language: Language): boolean {
  if (language === 'en') return ENGLISH_CHAT.test(text);
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).map((sentence) => sentence.trim()).filter(Boolean);
  return sentences.some((sentence) => KOREAN_POLITE_ENDING.test(sentence));
}
