import type { Language } from '../messages/language.js';

const QUESTION_WORD_KO = /뭐|무엇|무슨|어디|언제|얼마|어떻게|어떤|어느|누가|누구|몇|왜/;
const YES_NO_ENDING_KO = /(나요|까요|가요|인가|건가|거죠|죠|되나|돼|되요|돼요|됨|가능|있어|있나|없나|없어|되지|맞죠|맞아|니|냐|해도|써도|어도|아도|는지|지요|을까|할까|될까|까|괜찮아|괜찮나|괜찮아요|괜찮을까|있어요|없어요|있었어|있었나요|있었어요|있었나|되나여|나여|돼여|하나)\s*[?？]?$/;
// "IRB 면제 가능한지 궁금해요": whether something holds, asked as wanting to know.
const WHETHER_KO = /(는지|한지|인지|될지|을지|할지)\s*(궁금|알고\s*싶|여쭤|문의)/;
const YES_NO_OPENING_EN = /^(and |so |but |then )?(can|could|may|is|are|was|were|do|does|did|will|would|should|has|have|must|shall)\b/i;
const YES_NO_PHRASE_EN = /^(any chance|is there (any )?way|would it be (ok|possible)|are we (able|allowed))\b/i;
const WH_WORD_EN = /\b(what|when|where|who|whom|whose|which|how|why)\b/i;

/** "…되나요?", "Can we …?": a question whose answer is yes or no (not "what/when/how much"). */
export function isYesNoQuestion(question: string, language: Language): boolean {
  const text = question.trim();
  if (language === 'en' || !/[가-힣]/.test(text)) {
    // "Hospitals give raw data?": a statement asked with a question mark and no wh-word.
    const askedStatement = /[?？]$/.test(text) && text.split(/\s+/).length >= 3 && !WH_WORD_EN.test(text);
    return YES_NO_OPENING_EN.test(text) || YES_NO_PHRASE_EN.test(text) || askedStatement;
  }
  return (YES_NO_ENDING_KO.test(text) || WHETHER_KO.test(text)) && !QUESTION_WORD_KO.test(text);
}

// \b does not work after Hangul, so the verdict word must be followed by punctuation, a space or the end;
// a bare "네" needs punctuation, since "네 가지" is "four kinds", not a yes.
const VERDICT = /^(네(?=[,.:;!]|$)|(아니요|아니오|확인이 필요합니다|Yes|No|To be confirmed)(?=[\s,.:;!]|$))/i;

/** Whether a line already opens with the yes, the no, or "확인이 필요합니다". */
export function opensWithVerdict(line: string): boolean {
  return VERDICT.test(line.trim());
}

const AFFIRMATIVE_OPENING = /^(네|예|Yes)\s*[,.:]\s*/i;

/**
 * A section line written as the answer to a yes/no question ("네, 과제는 병원 연구진과 함께
 *수행합니다"), quoted for a question that is not one: the "네," would answer nothing. Only the
 * yes is dropped; a "아니요" stays, since without it the rest can read as the opposite.
 */
export function withoutAffirmativeOpening(line: string): string {
  const rest = line.replace(AFFIRMATIVE_OPENING, '');
  if (rest === line || rest.length === 0) return line;
  return /^[a-z]/.test(rest) ? rest[0]!.toUpperCase() + rest.slice(1) : rest;
}
