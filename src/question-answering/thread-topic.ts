import type { KnowledgeChunk } from '../knowledge/chunk-by-headings.js';
import { lexicalTerms } from '../retrieval/korean-aware-features.js';

// Question words and endings say what kind of answer is wanted, not what it is about; so do the
// small words of English (FAQ headings are questions: "How much is the grant?" makes "much" a heading word).
const QUESTION_WORD = /^(뭐|무엇|무슨|어디|언제|얼마|어떻게|어떤|어느|누가|누구|몇|왜)|^(what|how|when|where|who|which|why|much|many|do|does|did|is|are|was|were|can|could|should|would|will|may|we|our|us|i|you|it|the|a|an|of|to|for|in|on|get|have|has|there|any)('.*)?$/i;
const MASKED_NAME = /[가-힣A-Za-z]{1,3}\*{2,}(?:병원)?/g;

const headingTermsOf = new WeakMap<readonly KnowledgeChunk[], Set<string>>();

/** Every term the knowledge's section headings use: the vocabulary of what sections are about. */
function headingTerms(chunks: readonly KnowledgeChunk[]): Set<string> {
  let terms = headingTermsOf.get(chunks);
  if (!terms) {
    terms = new Set(chunks.flatMap((chunk) => lexicalTerms(chunk.metadata.heading)).filter((term) => term.length >= 2));
    headingTermsOf.set(chunks, terms);
  }
  return terms;
}

const CONJUNCTION = /^(그리고|또|또한|그럼|그러면|and|also|plus|so|then)$/i;
// "…쓸 수 있는지", "…받을 수 있어": the predicate asks whether, it names no topic (FAQ headings are questions too).
const PREDICATE_WORD = /^(있|없|되|돼|될)|^(수|쓸|할|볼)$/;

/** The words of a question that say what it is about: heading words, never question words or conjunctions. */
function topicWords(question: string, vocabulary: Set<string>): string[] {
  return question
    .replace(MASKED_NAME, ' ')
    .split(/[\s,.?？!]+/)
    .filter((word) => word && !QUESTION_WORD.test(word) && !CONJUNCTION.test(word) && !PREDICATE_WORD.test(word))
    .filter((word) => lexicalTerms(word).some((term) => term.length >= 2 && vocabulary.has(term)));
}

/** Whether a question names what it is about ("또 어디서 신청해": 신청) or only asks ("그리고 어디에 쓸 수 있어?"). */
export function hasTopicWords(question: string, chunks: readonly KnowledgeChunk[]): boolean {
  return new RegExp(MASKED_NAME.source).test(question) || topicWords(question, headingTerms(chunks)).length > 0;
}

/**
 * What the previous question was about, in its own words: the words a section heading of the
 * knowledge also uses, and the masked names it gave. "작년 과제 중에 용종 관련된 거 있었어?" is
 * about "과제 용종": a follow-up ("그거 병원 어디랑 했어?") is searched with those, not with
 * "중에 … 있었어", which would pull it back to whatever section lists every project.
 * Falls back to the whole question when none of its words is a heading word.
 */
export function topicOfQuestion(previous: string, current: string, chunks: readonly KnowledgeChunk[]): string {
  const own = new Set(lexicalTerms(current));
  const words = topicWords(previous, headingTerms(chunks)).filter((word) => !lexicalTerms(word).filter((term) => term.length >= 2).every((term) => own.has(term)));
  const topic = [...(previous.match(MASKED_NAME) ?? []), ...words].join(' ');
  return topic || previous;
}

// "그 회사", "that company" point at a company; "그 병원", "that hospital" at a hospital.
const POINTS_AT_COMPANY = /(그|이|that|this|the)\s*(회사|기업|업체|스타트업|company|startup|firm)/i;
const POINTS_AT_HOSPITAL = /(그|이|거기|that|this|the)\s*(병원|hospital)/i;
/** An answer naming more than this many parties was a list: a pointer cannot tell which one it meant. */
const MAX_NAMED = 3;

/**
 * The masked parties ("메**", "세**병원") the previous answer named, which a follow-up points at:
 * "그 회사 다른 과제도 했어?" after an answer about project 3 is about 메**. Only companies for
 * "그 회사", only hospitals for "그 병원"; nothing when the answer named too many to tell.
 */
export function namedInPreviousAnswer(question: string, previousAnswer: string | undefined): string[] {
  if (!previousAnswer) return [];
  const named = [...new Set(previousAnswer.match(MASKED_NAME) ?? [])];
  const hospitals = named.filter((name) => name.endsWith('병원'));
  const companies = named.filter((name) => !name.endsWith('병원'));
  const pointed = POINTS_AT_COMPANY.test(question) ? companies : POINTS_AT_HOSPITAL.test(question) ? hospitals : [];
  return pointed.length <= MAX_NAMED ? pointed : [];
}

// "다른 과제도 했어?", "what else?": not the thing the previous answer already gave.
const ASKS_FOR_OTHERS = /(^|\s)(다른|딴)\s|말고|\b(other|another|else)\b/i;

/**
 * For "그 회사 다른 과제도 했어?": whether a section is the one the previous answer quoted (two
 * or more of its lines appear there), so the answer can move on to the next one.
 */
export function quotedBefore(question: string, lines: readonly string[], previousAnswer: string | undefined): boolean {
  if (!previousAnswer || !ASKS_FOR_OTHERS.test(question)) return false;
  return lines.filter((line) => previousAnswer.includes(line.replace(/^(네|예|Yes)\s*[,.:]\s*/i, ''))).length >= 2;
}
