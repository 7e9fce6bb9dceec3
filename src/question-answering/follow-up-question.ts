import type { ConversationTurn } from '../ports/stores.js';
import type { Language } from '../messages/language.js';

const SWITCH_TO_ENGLISH = /^(그럼|그러면|그거)?\s*영어로(는|도|요)?\s*(알려\s*줘|해\s*줘|말해\s*줘)?\s*[?？.]?$|^(in english|english please)[?.!]?$/i;
const SWITCH_TO_KOREAN = /^(and |then )?(in korean|korean please)[?.!]?$|^(그럼|그러면)?\s*한국어로(는|도|요)?\s*(알려\s*줘|해\s*줘)?\s*[?？.]?$/i;

/**
 * "영어로는?" / "in Korean?" re-asks the previous question in that language; undefined for any
 * other message (thread-context.ts carries the topic of ordinary follow-ups).
 */
export function languageSwitch(question: string, history: ConversationTurn[] = []): { query: string; language: Language } | undefined {
  const trimmed = question.trim();
  const previous = [...history].reverse().find((turn) => turn.role === 'user' && turn.text.trim() !== trimmed);
  if (!previous) return undefined;
  if (SWITCH_TO_ENGLISH.test(trimmed)) return { query: previous.text, language: 'en' };
  if (SWITCH_TO_KOREAN.test(trimmed)) return { query: previous.text, language: 'ko' };
  return undefined;
}
