import type { QuestionAnswer } from '../ports/capabilities.js';
import type { ConversationTurn } from '../ports/stores.js';
import type { Language } from '../messages/language.js';
import { sectionKeyOf, type KnowledgeChunkMetadata } from '../knowledge/chunk-by-headings.js';
import type { ChatModelSource } from '../llm/chat-model.js';
import type { Logger } from '../observability/logger.js';
import type { AnswerPrompt } from './answer-prompt.js';
import { sectionsToShow, type ShownSection } from './cited-sections.js';
import { detailTermsAsked, mentionsAny } from './detail-terms.js';
import { composeExtractiveAnswer } from './extractive-answer.js';
import type { KnowledgeHit, KnowledgeSearch } from './knowledge-search.js';
import { maskedNamesIn, type LineRelevance, type QueryTerms } from './line-relevance.js';
import type { KnowledgeSnapshot } from './live-knowledge-index.js';
import { answerWithModel } from './model-answer.js';
import { noSourceAnswer, outOfScopeAnswer } from './refusal-answers.js';
import type { RouteGuess } from './routing/question-router.js';
import { text as messageText } from '../messages/messages.js';

/** Below this share of the question's weighted terms, the best passage is not about the question. */
export const MIN_COVERAGE = 0.15;
const CANDIDATES = 24;
const COVERAGE_WEIGHT = 0.7;
const HEADING_WEIGHT = 0.4;
/** How much the route's own topics are preferred (the route's probability times this). */
const TOPIC_WEIGHT = 0.4;
/** A question naming a year prefers sections whose heading names it ("2024년 시범 사업 일정") over another year's. */
const YEAR_HEADING_WEIGHT = 0.4;
/**
 * A question naming a masked project party ("삼**병원", "메**") prefers sections that mention every
 * one of them: the search cuts "삼**병원" into "삼" and "병원", which every project section shares.
 */
const MASKED_NAME_WEIGHT = 0.4;

export interface RankedSection extends ShownSection {
  coverage: number;
  rank: number;
  key: string;
}

export interface DocumentsQuestion {
  query: string;
  /** The thread's earlier question when this one leans on it: searched at expansion weight. */
  context: string[];
  language: Language;
  guess?: RouteGuess;
  /** Coverage the best section needs (higher when the classifier leaned towards a refusal). */
  minCoverage?: number;
}

/**
 * Sections for a question, best first: hybrid retrieval, then how much of the question each
 * section's words (its lines, heading and the questions it lists) cover, then the route's topics.
 */
export async function rankSections(snapshot: KnowledgeSnapshot, question: DocumentsQuestion, limit = 3): Promise<RankedSection[]> {
  const { search, relevance, router } = snapshot;
  // A follow-up that leans on the previous question ("그 과제는 어느 병원이랑 했어?") has few
  // words of its own: the two are searched together.
  const query = [question.query, ...question.context].join(' ');
  const expansions = search.expansionsFor(query);
  // The search itself, not KnowledgeRetriever.invoke: the retriever's callback run, run id and a
  // Document per hit (turned straight back into hits here) were a tenth of a message's CPU. The
  // retriever stays the knowledge search's LangChain face, for chains that want Documents.
  const hits = await search.search(query, CANDIDATES, [], expansions);
  const terms = followUpTerms(relevance, search, question, expansions);
  const years: string[] = question.query.match(YEARS) ?? [];
  const names = maskedNamesIn(question.query);
  // Sections of one topic share its preference: summed once per topic (the same sums).
  const preferences = new Map<string, number>();
  return sectionsToShow(hits, search, question.language, 16)
    .map((section) => {
      const coverage = relevance.coverage(section.chunk.text, terms);
      const headingCoverage = relevance.coverage(section.chunk.metadata.heading, terms);
      const topic = section.chunk.metadata.topic;
      let preference = preferences.get(topic);
      if (preference === undefined) preferences.set(topic, (preference = router.topicPreference(question.guess, topic)));
      const headingYears = yearsInHeading(section.chunk.metadata);
      const yearInHeading = years.length === 0 || headingYears.length === 0 ? 0 : headingYears.some((year) => years.includes(year)) ? YEAR_HEADING_WEIGHT : -YEAR_HEADING_WEIGHT;
      // The section's masked names are only looked for when the question names one.
      const sectionNames = names.length === 0 ? undefined : new Set(maskedNamesIn([section.chunk.metadata.heading, ...section.chunk.metadata.lines].join('\n')));
      const namesMentioned = !sectionNames ? 0 : names.every((name) => sectionNames.has(name)) ? MASKED_NAME_WEIGHT : 0;
      const rank = section.hit.score + COVERAGE_WEIGHT * coverage + HEADING_WEIGHT * headingCoverage + TOPIC_WEIGHT * preference + yearInHeading + namesMentioned;
      // Written out, not `{ ...section, … }`: a spread followed by more keys was the costliest line of the ranking.
      return { hit: section.hit, chunk: section.chunk, coverage, rank, key: sectionKeyOf(section.chunk.metadata) };
    })
    .sort((left, right) => right.rank - left.rank)
    .slice(0, limit);
}

const YEARS = /(?<!\d)20\d{2}(?!\d)/g;
const headingYears = new WeakMap<KnowledgeChunkMetadata, string[]>();

/** The years a section's heading names, found once per chunk (a reload makes new chunks); never changed by callers. */
function yearsInHeading(metadata: KnowledgeChunkMetadata): string[] {
  let years = headingYears.get(metadata);
  if (!years) headingYears.set(metadata, (years = metadata.heading.match(YEARS) ?? []));
  return years;
}

/**
 * The question's own words lead; the earlier question it leans on counts at expansion weight.
 * "부산대는?" after "한림대성심 컨소시엄 병원 알려줘" asks about 부산대, not 한림대성심 again.
 */
function followUpTerms(relevance: LineRelevance, search: KnowledgeSearch, question: DocumentsQuestion, expansions?: string[]): QueryTerms {
  // Ranking and answering ask for the same question's terms: computed once per question (per message).
  const known = termsOfQuestion.get(question);
  if (known?.relevance === relevance) return known.terms;
  const own = question.query;
  const terms = relevance.queryTerms(own, [...(expansions ?? search.expansionsFor([own, ...question.context].join(' '))), ...question.context]);
  termsOfQuestion.set(question, { relevance, terms });
  return terms;
}

const termsOfQuestion = new WeakMap<DocumentsQuestion, { relevance: LineRelevance; terms: QueryTerms }>();

export function rankedHits(sections: RankedSection[]): KnowledgeHit[] {
  return sections.map((section) => section.hit);
}

export interface DocumentsAnswerOptions {
  snapshot: KnowledgeSnapshot;
  contact: string;
  yesNo: boolean;
  model?: { chatModel: ChatModelSource; prompt: AnswerPrompt };
  history?: ConversationTurn[];
  logger: Logger;
}

/** The answer quoted (or, with a model, written) from the ranked sections, or an honest refusal. */
export async function answerFromSections(question: DocumentsQuestion, sections: RankedSection[], options: DocumentsAnswerOptions): Promise<QuestionAnswer> {
  const { language } = question;
  const { search, relevance } = options.snapshot;
  const refuse = (kind: 'no_source' | 'out_of_scope'): QuestionAnswer => ({
    answer: kind === 'no_source' ? noSourceAnswer(language, options.contact) : outOfScopeAnswer(language),
    citations: [],
    outOfScope: kind === 'out_of_scope',
    language,
    kind,
  });
  const coverage = Math.max(0, ...sections.map((section) => section.coverage));
  if (sections.length === 0 || coverage < (question.minCoverage ?? MIN_COVERAGE)) return search.glossaryTermsIn(question.query) > 0 ? refuse('no_source') : refuse('out_of_scope');
  const details = detailTermsAsked(question.query);
  if (details.length > 0 && !sections.some((section) => mentionsAny(section.chunk.text, details))) return refuse('no_source');

  const terms = followUpTerms(relevance, search, question);
  const extractive = composeExtractiveAnswer(question.query, sections, terms, relevance, language, { yesNo: options.yesNo });
  const answered = (text: string, citations = extractive.citations): QuestionAnswer => ({ answer: text, citations, outOfScope: false, language, kind: 'answer' });
  if (!options.model) return answered(extractive.text);
  const written = await answerWithModel(options.model.chatModel, options.model.prompt, question.query, sections, language, options.history);
  if (written.outcome === 'answered') return answered(written.text, written.citations);
  if (written.outcome === 'not_in_passages') return refuse('no_source');
  options.logger.warn({ reason: written.reason }, 'model answer unusable; answering from the documents directly');
  const note = messageText(language, 'qa.modelDidNotAnswer');

  return answered(`${extractive.text}\n${note}`);
}
