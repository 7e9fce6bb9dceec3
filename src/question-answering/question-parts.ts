import { detectLanguage } from '../messages/detect-language.js';

/**
 * The separate questions in one message, in order. A message that asks one thing comes back
 * as one part. What separates questions is the message's own structure: a numbered list, one
 * question per line, sentences, and inside a sentence a conjunction ("and also", "plus", "그리고",
 * "또", a comma, a clause ending in -고) between two clauses that each ask something. A statement
 * ("we're a 2021 medtech startup in Mapo-gu.") is the premise of the question after it.
 * Where the structure alone cannot tell ("마감일이랑 신청 방법 알려줘" is two questions, "CT랑 MRI
 * 데이터 알려줘" one), the route classifier trained on labelled examples decides: two things
 * asked with one verb are two questions only when they are about different topics.
 */
export interface PartOptions {
  /** Whether two questions are about different topics (the trained router's routes differ, both sure). */
  differentTopics?: (first: string, second: string) => boolean;
}

/** A founder's message asks a handful of things; a pasted wall of the same question is not eight questions. */
export const MAX_PARTS = 8;

export function questionParts(message: string, options: PartOptions = {}): string[] {
  const text = message.trim();
  const numbered = splitNumbered(text);
  if (numbered.length > 1) return distinct(numbered);
  const pieces = sentencesOf(text).flatMap((sentence) => splitInsideSentence(sentence, options));
  const parts = distinct(withPremisesAttached(pieces));
  return parts.length > 1 && parts.every(isQuestionSized) ? parts : [text];
}

/** The same question asked twice is answered once; past MAX_PARTS the rest wait for the next message. */
function distinct(parts: string[]): string[] {
  const seen = new Set<string>();
  return parts
    .filter((part) => {
      const key = part.toLowerCase().replace(/[\s?？.!]+/g, ' ').trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_PARTS);
}

const NUMBER_MARK = /(?:^|\s)(?:\(?\d{1,2}[).]|[①-⑩])\s+/g;

function splitNumbered(text: string): string[] {
  const marks = [...text.matchAll(NUMBER_MARK)];
  if (marks.length < 2) return [];
  const parts = marks.map((mark, index) => text.slice(mark.index! + mark[0].length, marks[index + 1]?.index ?? text.length).trim());
  return parts.filter(Boolean).length >= 2 ? parts.filter(Boolean) : [];
}

// One question per line, or sentences: after "?", or after "." / "!" between words ("Mapo-gu. are
// we …"), never inside a number ("2025. 4. 28").
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[?？])\s+(?=\S)|(?<=[\p{L}][.!])\s+(?=\p{L})/u))
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** Pieces that ask nothing ("우리 회사는 성수동에 있어요.") go with the question after them (or before, when last). */
function withPremisesAttached(pieces: string[]): string[] {
  const parts: string[] = [];
  let premise = '';
  // A writer who marks questions with "?" marks them all: then "우리 회사 마포구에 있어" is a statement.
  const marked = pieces.some((piece) => /[?？]$/.test(piece));
  for (const piece of pieces) {
    if (!asks(piece, !marked)) premise = premise ? `${premise} ${piece}` : piece;
    else {
      parts.push(premise ? `${premise} ${piece}` : piece);
      premise = '';
    }
  }
  if (premise) {
    if (parts.length === 0) return [premise];
    parts[parts.length - 1] = `${parts[parts.length - 1]} ${premise}`;
  }
  return parts;
}

function splitInsideSentence(sentence: string, options: PartOptions): string[] {
  if (detectLanguage(sentence) === 'ko') return splitKorean(sentence, options);
  return splitEnglish(sentence, options);
}

// ── Korean ──────────────────────────────────────────────────────────────────────────────────
const QUESTION_WORD_KO = /(^|\s)(뭐|무엇|무슨|어디|언제|얼마|어떻게|어떤|어느|누가|누구|몇|왜)/;
// Endings only a question has, and endings a statement shares ("판교야", "돼", "있어"): the
// second kind counts only where no question mark says which sentences are the questions.
const QUESTION_ENDING_KO = /(나요|까요|가요|인가|건가|되나|되나요|을까|할까|될까|니|냐|나|까|죠)[?？]?$/;
const SHARED_ENDING_KO = /(돼|되요|돼요|됨|가능|가능해|있어|있나|없나|없어|되지|맞아|해도|써도|어도|아도|괜찮아|있어요|없어요|야|이야|예요|에요|해|해요|했어|였어)[?？]?$/;
const REQUEST_KO = /(알려|설명|정리|말해|보여|궁금)\S*\s*[?？.!]?$/;
// After "-고" these continue the same verb ("쓰고 싶은지", "하고 있어", "받고 나서"), not a new question.
const AUXILIARY_AFTER_GO = /^(싶|있|계|나서|난\s|나면|보니|보면|와서|가서)/;
const CONJUNCTION_KO = /^(그리고|또|또한|그리고\s*또)$/;
// "마감일이랑 신청 방법 같이 알려줘": two things asked for with one verb.
const TWO_THINGS_ONE_VERB = /^(.+?)(?:이랑|랑|하고|과|와)\s+(.+?)\s*(?:같이|모두|둘\s*다|다|도)?\s*((?:알려|설명|정리)\S*)\s*[?？.!]?$/;
// "누구랑 수행하는지 알려줘" is one question: "누구랑" is "with whom", and "…하는지" asks it.
const QUESTION_WORD_AT_END = /(누구|무엇|뭐|어디|언제|어느\s*\S+|어떤\s*\S+)$/;
const EMBEDDED_QUESTION = /(는지|은지|인지|할지|을지|ㄴ지)$/;

/** Whether a clause asks: a question word, a request, a question mark or ending; `loose` adds the endings statements share. */
function asksKorean(clause: string, loose: boolean): boolean {
  const text = clause.trim().replace(/,$/, '');
  if (/[?？]$/.test(text) || QUESTION_WORD_KO.test(text) || REQUEST_KO.test(text)) return true;
  if (/[.!]$/.test(text)) return false;
  return QUESTION_ENDING_KO.test(text) || (loose && SHARED_ENDING_KO.test(text));
}

function splitKorean(sentence: string, options: PartOptions): string[] {
  const both = TWO_THINGS_ONE_VERB.exec(sentence);
  if (both && !/같이\s*(하|연구|진행)/.test(sentence) && !asksOneThing(both[1]!, both[2]!)) {
    const [first, second] = [`${both[1]!.trim()} ${both[3]}`, `${both[2]!.trim()} ${both[3]}`];
    if (options.differentTopics?.(first, second) ?? true) return [first, second];
  }
  const words = sentence.split(/\s+/).filter(Boolean);
  const parts: string[] = [];
  let start = 0;
  for (let index = 0; index < words.length - 1; index += 1) {
    const word = words[index]!;
    const next = words.slice(index + 1).join(' ');
    const clause = words.slice(start, index + 1).join(' ');
    const conjunctionNext = CONJUNCTION_KO.test(words[index + 1]!);
    // "얼마고 마감은 언제야": a clause in -고 closes a question only when it has its own question word.
    const endsInGo = /고,?$/.test(word) && QUESTION_WORD_KO.test(clause) && !AUXILIARY_AFTER_GO.test(next);
    // "…회사야, 지원 가능해?" is a statement and its question: the clause before a comma or
    // conjunction must ask in a way no statement does.
    const endsInComma = /,$/.test(word) && asksKorean(clause, false);
    if ((endsInGo || endsInComma || (conjunctionNext && asksKorean(clause, false))) && asksKorean(next, true)) {
      parts.push(clause.replace(/,$/, ''));
      start = index + 1;
    }
  }
  parts.push(words.slice(start).join(' '));
  return parts;
}

function asksOneThing(first: string, second: string): boolean {
  return QUESTION_WORD_AT_END.test(first.trim()) || EMBEDDED_QUESTION.test(second.trim());
}

// ── English ─────────────────────────────────────────────────────────────────────────────────
const ASKING_WORD_EN = '(?:what|how|when|where|who|which|why|can|could|do|does|is|are|should|will|may|any|tell|explain)';
// "…, and where…", "…and also what…", "…, plus what…", or a comma list "what's the deadline, how
// much money, and where to apply". After a bare comma only a wh-word starts a question: in
// "what data, like CT, is there?" the "is" does not.
const ENGLISH_JOINT = new RegExp(`,?\\s+(?:and(?:\\s+also)?|also|plus)\\s+(?=${ASKING_WORD_EN}\\b)|,\\s+(?=(?:what|how|when|where|who|which|why)\\b)`, 'i');
const ASKS_EN = new RegExp(`^(?:and\\s+|so\\s+|also\\s+|plus\\s+)?${ASKING_WORD_EN}\\b`, 'i');
// "what's the deadline and the max funding?": two things under one question frame.
const ONE_FRAME_TWO_THINGS = /^((?:what(?:'s| is| are| was| were)|tell me|give me|explain)\s+)(.+?)\s+and\s+(?!also\b)(.+?)([?.!]?)$/i;

function asksEnglish(clause: string): boolean {
  return /[?]$/.test(clause.trim()) || ASKS_EN.test(lastSentence(clause));
}

function lastSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+/).at(-1)!.trim();
}

function splitEnglish(sentence: string, options: PartOptions): string[] {
  // "we were incorporated in 2022, do we qualify?": a statement before the comma is the next question's premise.
  const english: string[] = [];
  for (const piece of sentence.split(ENGLISH_JOINT).map((part) => part.trim())) {
    const previous = english.at(-1);
    if (previous !== undefined && !ASKS_EN.test(lastSentence(previous))) english[english.length - 1] = `${previous}, ${piece}`;
    else english.push(piece);
  }
  if (english.length >= 2) return english;
  const frame = ONE_FRAME_TWO_THINGS.exec(sentence);
  if (frame && frame[2]!.split(/\s+/).length <= 4 && frame[3]!.split(/\s+/).length <= 4) {
    const [first, second] = [`${frame[1]}${frame[2]}${frame[4]}`, `${frame[1]}${frame[3]}${frame[4]}`];
    if (options.differentTopics?.(first, second) ?? false) return [first, second];
  }
  return [sentence];
}

function asks(piece: string, loose: boolean): boolean {
  return detectLanguage(piece) === 'ko' ? asksKorean(piece, loose) : asksEnglish(piece);
}

function isQuestionSized(part: string): boolean {
  return part.split(/\s+/).filter(Boolean).length >= 2;
}
