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
  // A yes/no question is quoted from the better of the top two sections that states a yes or no.
  const withVerdict = options.yesNo ? sections.slice(0, 2).find((section) => section.chunk.metadata.lines.some(opensWithVerdict)) : undefined;
  const primary = withVerdict ?? sections[0];
  if (!primary) return { text: '', citations: [] };
  const shape = answerShape(question);
  const ranked = rankLines(primary.chunk, query, relevance, shape);
  const verdict = options.yesNo ? ranked.find((line) => opensWithVerdict(line.text)) : undefined;
  const best = verdict ?? ranked[0]!;
  // Sections are short and self-contained: after the best line, the rest in the writer's order.
  const others = ranked.filter((line) => line !== best).sort((left, right) => left.position - right.position);
  const lines = [best, ...others].slice(0, PRIMARY_LINES).map((line) => (options.yesNo ? line.text : withoutAffirmativeOpening(line.text)));
  if (options.yesNo && !verdict) {
    lines.splice(PRIMARY_LINES - 1);
    lines.unshift(messageText(language, 'qa.needsConfirmation'));
  }
  const citations = [citationOf(primary.chunk)];
  const legal = citations.some((citation) => LEGAL_TOPICS.has(topicOf(citation.source)));
  const body = legal ? lines.filter((line) => !LEGAL_NOTE.test(line)) : lines;
  const [first, ...rest] = body.length > 0 ? body : lines;
  const text = [first!, ...rest.map((line) => `• ${line}`), ...(legal ? [messageText(language, 'qa.notLegalAdvice')] : [])].join('\n');
  return { text, citations };
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
  if (/얼마|몇|how (much|many)|what (amount|number)/i.test(question)) return /(?<!\d)(?!(?:19|20)\d{2}(?!\d))\d+/;
  if (/언제|며칠|when|what date|which year/i.test(question)) return /\d{4}|\d+월|\d+일|(January|February|March|April|May|June|July|August|September|October|November|December)/;
  return undefined;
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
    .map(({ answersShape: _answersShape, ...line }) => line);
}

function topicOf(source: string): string {
  return source.replace(/^knowledge\//, '').replace(/(\.en)?\.md$/, '');
}
