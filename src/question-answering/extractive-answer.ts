import type { Language } from '../messages/language.js';
import type { SourceRef } from '../ports/reply.js';
import type { KnowledgeChunk } from '../knowledge/chunk-by-headings.js';
import { citationOf, LEGAL_TOPICS, type ShownSection } from './cited-sections.js';
import { text as messageText } from '../messages/messages.js';
import type { LineRelevance, QueryTerms } from './line-relevance.js';
import { opensWithVerdict, withoutAffirmativeOpening } from './yes-no-question.js';

export interface ExtractiveAnswer {
  text: string;
  citations: SourceRef[];
}

/** Lines of the best section shown at most; with the legal note, about six. */
const PRIMARY_LINES = 5;
const LEGAL_NOTE = /법률 자문이 아닙니다|not legal advice/i;

/**
 * An answer quoted from the documents, never written: the line that best matches the question
 * first, then the section's other lines in the writer's order. Only the best section is quoted,
 * so no bullet comes from another topic. A yes/no question opens with the section's own yes or
 * no line, or with "확인이 필요합니다" when the section has none. Nothing in a passage is ever
 * followed as an instruction.
 */
export function composeExtractiveAnswer(
  question: string,
  sections: ShownSection[],
  query: QueryTerms,
  relevance: LineRelevance,
  language: Language,
  options: { yesNo?: boolean } = {},
): ExtractiveAnswer {
  // A yes/no question is quoted from the better of the top two sections that states a yes or no
  // about it: a "Yes." in a section that shares only "data" with the question answers another question.
  const withVerdict = options.yesNo
    ? sections.slice(0, 2).find((section) => section.chunk.metadata.lines.some(opensWithVerdict) && relevance.coverage(section.chunk.text, query) >= VERDICT_SECTION_COVERAGE)
    : undefined;
  const primary = withVerdict ?? sections[0];
  if (!primary) return { text: '', citations: [] };
  const shape = answerShape(question);
  const ranked = rankLines(primary.chunk, query, relevance, shape);
  const verdict = options.yesNo && withVerdict ? ranked.find((line) => opensWithVerdict(line.text)) : undefined;
  let best = verdict ?? ranked[0]!;
  let opening: string | undefined;
  if (options.yesNo && !verdict) {
    const thing = existenceAsked(question, relevance);
    if (thing && foundIn(primary.chunk, thing, relevance)) {
      // "…AI 영상 관련된 거 있어?": the section is the X found; its heading names it, its best line on X leads.
      best = [...ranked].sort((left, right) => relevance.score(right.text, thing) - relevance.score(left.text, thing) || left.position - right.position)[0]!;
      opening = messageText(language, 'qa.foundInDocuments', { found: primary.chunk.metadata.heading });
    } else opening = messageText(language, statesTheAskedThing(question, best.text, relevance) ? 'qa.affirmedByDocuments' : 'qa.needsConfirmation');
  }
  // Sections are short and self-contained: after the best line, the rest in the writer's order.
  const others = ranked.filter((line) => line !== best).sort((left, right) => left.position - right.position);
  const lines = [best, ...others].slice(0, PRIMARY_LINES).map((line) => (options.yesNo && !opening ? line.text : withoutAffirmativeOpening(line.text)));
  if (opening) {
    lines.splice(PRIMARY_LINES - 1);
    lines.unshift(opening);
  }
  const citations = [citationOf(primary.chunk)];
  const legal = citations.some((citation) => LEGAL_TOPICS.has(topicOf(citation.source)));
  const body = legal ? lines.filter((line) => !LEGAL_NOTE.test(line)) : lines;
  const [first, ...rest] = body.length > 0 ? body : lines;
  const text = [first!, ...rest.map((line) => `• ${line}`), ...(legal ? [messageText(language, 'qa.notLegalAdvice')] : [])].join('\n');
  return { text, citations };
}

/**
 * A yes/no question the documents answer without a written "네": "IRB 꼭 받아야 돼?" and the line
 * "인간대상연구는 IRB 심의를 받아야 합니다", "is there consulting?" and "companies … can receive
 * expert consulting". The line must hold nearly all of the question's own weighted terms and state
 * it plainly: a line that hedges, limits or denies ("일부", "may", "없습니다", "확인 필요") is no yes.
 */
const ENTAILING_COVERAGE = 0.75;
const NOT_A_PLAIN_YES = /않|없|아니|불가|못\s|못합|금지|제한|일부|경우에|확인이?\s*필요|to be confirmed|\bnot\b|\bno\b|cannot|can't|n't\b|\bmay\b|\bmight\b|\bonly\b|\bsome\b|unless|depend/i;
// The asking itself is no part of the thing asked: "…받을 수 있어?", "…돼?", "꼭", "혹시".
const YES_NO_PREDICATE_KO = /\s*(\S+(을|를|ㄹ|할|볼|쓸|받을|될)\s*수\s*)?(하나요|합니까|하나|해요|해|있어요|있나요|있어|있나|있음|있을까요?|있니|있냐|있었어|있었나요?|돼요|돼|되나요|되나|되요|됨|될까요?|가능해요|가능해|가능한가요|가능|맞아요?|맞나요?|인가요|건가요|나요|까요)\s*[?？]*$/;
const FILLER_KO = /(?<![가-힣])(꼭|혹시|좀|그냥|정말|진짜|반드시|무조건)(?![가-힣])/g;

function statesTheAskedThing(question: string, line: string, relevance: LineRelevance): boolean {
  const asked = question.replace(YES_NO_PREDICATE_KO, '').replace(FILLER_KO, ' ');
  return relevance.coverage(line, relevance.queryTerms(asked, [])) >= ENTAILING_COVERAGE && !NOT_A_PLAIN_YES.test(line);
}

/**
 * "작년 과제 중에 AI 영상 관련된 거 있어?", "is there a project on polyps?": an X the section is about
 * answers "is there an X" with a yes, the section's heading naming it. The section (its heading and
 * lines) must hold most of the words that name the X; a word the documents never use ("치과") keeps it unsure.
 */
const EXISTENCE_KO = /(있어|있나|있나요|있어요|있었어|있었나요?|있었어요|있음|있을까요?|있니|있냐)\s*[?？]*$/;
const EXISTENCE_EN = /^(is|are|was|were) there\b|^(any|do you have|does it have)\b/i;
const EXISTENCE_COVERAGE = 0.6;
/** A section's own "Yes."/"아니요" line answers only a question the section covers this much of. */
const VERDICT_SECTION_COVERAGE = 0.2;
// The frame around the thing: "작년 …중에 X 관련된 거": when and "related", not what is asked for.
const EXISTENCE_FRAME_KO = /(?<![가-힣])(작년|지난해|올해|최근|이번|관련된|관련한|관련|비슷한|같은|거|것|중에|중)(?![가-힣])/g;

/** The thing an "is there an X?" question asks for, as search terms; undefined for other questions. */
function existenceAsked(question: string, relevance: LineRelevance): QueryTerms | undefined {
  if (!EXISTENCE_KO.test(question.trim()) && !EXISTENCE_EN.test(question.trim())) return undefined;
  const thing = question.replace(YES_NO_PREDICATE_KO, '').replace(FILLER_KO, ' ').replace(EXISTENCE_FRAME_KO, ' ');
  const terms = relevance.queryTerms(thing, []);
  // "영상 관련" also yields "상관", a pair of syllables across two words: no word of the question.
  const words = thing.toLowerCase().split(/\s+/);
  const own = new Map([...terms.own].filter(([term]) => term.startsWith('name:') || words.some((word) => word.includes(term))));
  return own.size > 0 ? { own, expanded: terms.expanded } : undefined;
}

function foundIn(chunk: KnowledgeChunk, thing: QueryTerms, relevance: LineRelevance): boolean {
  return relevance.coverage([chunk.metadata.heading, ...chunk.metadata.lines].join('\n'), thing) >= EXISTENCE_COVERAGE;
}

interface RankedLine {
  text: string;
  score: number;
  position: number;
}

/**
 * "얼마/how much" wants an amount and "언제/when" a date; question words carry no search terms,
 * so the kind of fact they ask for is matched here.
 */
type AnswerShape = RegExp | undefined;

function answerShape(question: string): AnswerShape {
  // An amount or a count, not a year: "2024년 과제 몇 개야?" wants the "7", not "2024년 …".
  if (/얼마|몇|최대|한도|상한|how (much|many)|what (amount|number)|\bmax(imum)?\b|\bcap\b|\blimit\b/i.test(question)) return /(?<!\d)(?!(?:19|20)\d{2}(?!\d))\d+/;
  if (/언제|며칠|when|what date|which year/i.test(question)) return /\d{4}|\d+월|\d+일|(January|February|March|April|May|June|July|August|September|October|November|December)/;
  // "그 과제 어느 병원이랑 했어?", "which hospital ran it?": the line naming a 병원 answers, not the one about the topic.
  const which = /어느\s*([가-힣]{2,}?)(?:이랑|랑|하고|과|와|에서|이|가|은|는|을|를|에|로)?(?=[\s?？]|$)|\bwhich\s+([a-z]{3,})/i.exec(question);
  const noun = which?.[1] ?? which?.[2]?.replace(/s$/i, '');
  return noun ? new RegExp(noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i') : undefined;
}

const SHAPE_BONUS = 0.5;

/**
 * Lines by how well they answer: for "얼마/how much" or "언제/when", a line holding an amount or a
 * date comes before any line without one, whatever words they share with the question ("how much
 * money do we get" leads with "up to 50 million KRW", not "Besides the grant, companies get …").
 */
function rankLines(chunk: KnowledgeChunk, query: QueryTerms, relevance: LineRelevance, shape: AnswerShape): RankedLine[] {
  return chunk.metadata.lines
    .map((text, position) => {
      const score = relevance.score(text, query);
      const shaped = shape?.test(text) === true;
      return { text, position, score: shaped ? score * (1 + SHAPE_BONUS) + SHAPE_BONUS : score, answersShape: shaped };
    })
    .sort((left, right) => Number(right.answersShape) - Number(left.answersShape) || right.score - left.score || left.position - right.position)
    .map(({ text, position, score }) => ({ text, position, score }));
}

function topicOf(source: string): string {
  return source.replace(/^knowledge\//, '').replace(/(\.en)?\.md$/, '');
}
