/**
 * The separate questions in one message, in order: "1) … 2) … 3) …", several sentences each
 * ending in a question mark, or two questions joined by "and" / "-고,". A message that asks one
 * thing comes back as one part. Parts shorter than two words stay with their neighbour.
 */
export function questionParts(message: string): string[] {
  const text = message.trim();
  const numbered = splitNumbered(text);
  if (numbered.length > 1) return numbered;
  const sentences = text.split(/(?<=[?？])\s+(?=\S)/).map((part) => part.trim()).filter(Boolean);
  if (sentences.length > 1 && sentences.every(isQuestionSized)) return sentences;
  const joined = splitJoined(text);
  return joined.length > 1 && joined.every(isQuestionSized) ? joined : [text];
}

const NUMBER_MARK = /(?:^|\s)(?:\(?\d{1,2}[).]|[①-⑩])\s+/g;

function splitNumbered(text: string): string[] {
  const marks = [...text.matchAll(NUMBER_MARK)];
  if (marks.length < 2) return [];
  const parts = marks.map((mark, index) => text.slice(mark.index! + mark[0].length, marks[index + 1]?.index ?? text.length).trim());
  return parts.filter(Boolean).length >= 2 ? parts.filter(Boolean) : [];
}

// "얼마고 마감은 언제야", "어디서 하고, IRB 면제는": a question word (or 하고,) closes the first question.
const KOREAN_JOINT = /(?<=(?:얼마|언제|어디|누구|무엇|뭐|몇\s*개|몇\s*명|몇)(?:이)?고,?|하고,|이며,|이고,)\s+/;
// "…, and where…", or a comma list "what's the deadline, how much money, and where to apply".
// After a bare comma only a wh-word starts a question: in "what data, like CT, is there?" the "is" does not.
const ENGLISH_JOINT = /,?\s+and\s+(?=(?:what|how|when|where|who|which|why|can|could|do|does|is|are|should|will|may)\b)|,\s+(?=(?:what|how|when|where|who|which|why)\b)/i;
// "마감일이랑 신청 방법 같이 알려줘": two things asked for with one verb.
const TWO_THINGS_ONE_VERB = /^(.+?)(?:이랑|랑|하고|과|와)\s+(.+?)\s*(?:같이|모두|둘\s*다|다|도)?\s*((?:알려|설명|정리)\S*)\s*[?？.!]?$/;

const ASKS_EN = /^(?:and\s+|so\s+)?(?:what|how|when|where|who|which|why|can|could|do|does|is|are|should|will|may)\b/i;

function splitJoined(text: string): string[] {
  const both = TWO_THINGS_ONE_VERB.exec(text);
  if (both && !/같이\s*(하|연구|진행)/.test(text) && !asksOneThing(both[1]!, both[2]!)) return [`${both[1]!.trim()} ${both[3]}`, `${both[2]!.trim()} ${both[3]}`];
  const korean = text.split(KOREAN_JOINT);
  if (korean.length >= 2) return korean.map((part) => part.trim().replace(/,$/, ''));
  // "we were incorporated in 2022, do we qualify?": a statement before the comma is the next question's premise.
  const english: string[] = [];
  for (const piece of text.split(ENGLISH_JOINT).map((part) => part.trim())) {
    const previous = english.at(-1);
    if (previous !== undefined && !ASKS_EN.test(previous)) english[english.length - 1] = `${previous}, ${piece}`;
    else english.push(piece);
  }
  return english.length >= 2 ? english : [text];
}

// "누구랑 수행하는지 알려줘" is one question: "누구랑" is "with whom", and "…하는지" asks it.
const QUESTION_WORD_AT_END = /(누구|무엇|뭐|어디|언제|어느\s*\S+|어떤\s*\S+)$/;
const EMBEDDED_QUESTION = /(는지|은지|인지|할지|을지|ㄴ지)$/;

function asksOneThing(first: string, second: string): boolean {
  return QUESTION_WORD_AT_END.test(first.trim()) || EMBEDDED_QUESTION.test(second.trim());
}

function isQuestionSized(part: string): boolean {
  return part.split(/\s+/).filter(Boolean).length >= 2;
}
