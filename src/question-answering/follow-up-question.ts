import type { ConversationTurn } from '../conversation/ports.js';
import type { Language } from '../conversation/reply.js';

export interface RewrittenQuestion {
  /** What to search and classify with: the question, completed with the earlier topic if needed. */
  query: string;
  /** The language to answer in (changed by "영어로는?" / "in Korean?"). */
  language: Language;
  followUp: boolean;
}

const SWITCH_TO_ENGLISH = /^(그럼|그러면|그거)?\s*영어로(는|도|요)?\s*[?？.]?$|^(in english|english please)[?.!]?$/i;
const SWITCH_TO_KOREAN = /^(and |then )?(in korean|korean please)[?.!]?$|^(그럼|그러면)?\s*한국어로(는|도|요)?\s*[?？.]?$/i;
const FOLLOW_UP_OPENING = /^(그럼|그러면|그건|그거|그것은|거기|그리고|또|and|what about|how about|and what about|then|so)\b|^(그럼|그러면|그건|그거)/i;

/**
 * A short follow-up in a thread ("그럼 2024년은?", "what about the 2024 round?") carries its
 * topic only implicitly; the previous user turn supplies it. A request to switch language
 * re-asks the previous question in that language.
 */
export function rewriteFollowUp(question: string, language: Language, history: ConversationTurn[] = []): RewrittenQuestion {
  const previous = [...history].reverse().find((turn) => turn.role === 'user' && turn.text.trim() !== question.trim());
  const trimmed = question.trim();
  if (!previous) return { query: trimmed, language, followUp: false };
  if (SWITCH_TO_ENGLISH.test(trimmed)) return { query: previous.text, language: 'en', followUp: true };
  if (SWITCH_TO_KOREAN.test(trimmed)) return { query: previous.text, language: 'ko', followUp: true };
  const words = trimmed.split(/\s+/).length;
  if (FOLLOW_UP_OPENING.test(trimmed) && words <= 8) {
    return { query: `${previous.text} ${trimmed.replace(FOLLOW_UP_OPENING, '').trim()}`, language, followUp: true };
  }
  return { query: trimmed, language, followUp: false };
}
