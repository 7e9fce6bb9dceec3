import type { QuestionAnswer, QuestionAnswering } from '../conversation/capabilities.js';
import { detectLanguage } from '../conversation/detect-language.js';
import type { ConversationTurn } from '../conversation/ports.js';
import type { Language } from '../conversation/reply.js';
import type { LanguageModel } from '../llm/language-model.js';
import type { Logger } from '../observability/logger.js';
import { seoulDate } from '../program/deadline-status.js';
import { latestRound, type ProgramFacts } from '../program/program-facts.js';
import type { AnswerPrompt } from './answer-prompt.js';
import { sectionsToShow } from './cited-sections.js';
import {
  asksForEligibilityCheck,
  asksForEligibilityRules,
  detailTermsAsked,
  isDeadlineQuestion,
  looksLikeInjection,
  looksLikeMedicalAdvice,
  looksOffTopic,
} from './classify-question.js';
import { deadlineAnswer, eligibilityAnswer, rulesAnswer } from './program-facts-answers.js';
import { extractEligibilityFacts, hasAnyFact } from './eligibility-facts.js';
import { composeExtractiveAnswer } from './extractive-answer.js';
import { rewriteFollowUp } from './follow-up-question.js';
import type { KnowledgeHit } from './knowledge-search.js';
import type { LiveKnowledgeIndex } from './live-knowledge-index.js';
import { answerWithModel } from './model-answer.js';
import { injectionAnswer, medicalAdviceAnswer, noSourceAnswer, outOfScopeAnswer } from './refusal-answers.js';

export interface QuestionAnsweringDependencies {
  knowledge: LiveKnowledgeIndex;
  programFacts: () => ProgramFacts;
  now: () => Date;
  /** With a model, answers are written from the passages; without, they are quoted. */
  model?: { languageModel: LanguageModel; prompt: AnswerPrompt };
  logger: Logger;
}

/** Below this share of the question's weighted terms, the best passage is not about the question. */
export const MIN_COVERAGE = 0.15;
const RETRIEVED = 5;
const COVERAGE_WEIGHT = 0.5;
const HEADING_WEIGHT = 0.4;

/**
 * Answers founders' questions from knowledge/: refusals first (injection, medical advice, off
 * topic), then the dated and rule-based answers from program.yaml, then retrieval with an
 * extractive (or, when configured, model-written) answer, and "the documents do not say" when
 * the passages do not cover the question.
 */
export class KnowledgeQuestionAnswering implements QuestionAnswering {
  constructor(private readonly deps: QuestionAnsweringDependencies) {}

  async answer(question: string, options: { history?: ConversationTurn[]; language?: Language } = {}): Promise<QuestionAnswer> {
    const asked = options.language ?? detectLanguage(question);
    const { query, language } = rewriteFollowUp(question, asked, options.history);
    const refuse = (kind: QuestionAnswer['kind'], answer: string): QuestionAnswer => ({ answer, citations: [], outOfScope: kind === 'out_of_scope', language, kind });
    if (looksLikeInjection(question)) return refuse('injection', injectionAnswer(language));
    const medical = looksLikeMedicalAdvice(query);
    if (medical.advice) return refuse('medical_advice', medicalAdviceAnswer(language, medical.emergency));
    if (looksOffTopic(query)) return refuse('out_of_scope', outOfScopeAnswer(language));

    const facts = this.deps.programFacts();
    const now = this.deps.now();
    const companyFacts = extractEligibilityFacts(query, seoulDate(now));
    if (hasAnyFact(companyFacts) && asksForEligibilityCheck(query)) return eligibilityAnswer(companyFacts, facts, language);
    if (isDeadlineQuestion(query, latestRound(facts).id)) return deadlineAnswer(facts, now, language, this.deps.knowledge.current.search);
    if (asksForEligibilityRules(query) && !hasAnyFact(companyFacts)) return rulesAnswer(facts, language, this.deps.knowledge.current.search);
    return this.answerFromDocuments(query, language, options.history, refuse);
  }

  /** The top passages for a question (after follow-up rewriting): what recall@5 is measured on. */
  async retrieve(question: string, options: { history?: ConversationTurn[]; language?: Language; k?: number } = {}): Promise<KnowledgeHit[]> {
    const { query } = rewriteFollowUp(question, options.language ?? detectLanguage(question), options.history);
    return this.deps.knowledge.current.search.search(query, options.k ?? RETRIEVED);
  }

  private async answerFromDocuments(
    query: string,
    language: Language,
    history: ConversationTurn[] | undefined,
    refuse: (kind: QuestionAnswer['kind'], answer: string) => QuestionAnswer,
  ): Promise<QuestionAnswer> {
    const { search, relevance } = this.deps.knowledge.current;
    const hits = await search.search(query, RETRIEVED);
    const terms = relevance.queryTerms(query, search.expansionsFor(query));
    // Retrieval ranks whole sections; how much of the question a section's own words cover
    // settles close calls between neighbours (the "uses" section over the "catalog" one).
    const sections = sectionsToShow(hits, search, language, 3)
      .map((section) => {
        const coverage = relevance.coverage(section.chunk.text, terms);
        const headingCoverage = relevance.coverage(section.chunk.metadata.heading, terms);
        return { ...section, coverage, rank: section.hit.score + COVERAGE_WEIGHT * coverage + HEADING_WEIGHT * headingCoverage };
      })
      .sort((left, right) => right.rank - left.rank);
    const coverage = Math.max(0, ...sections.map((section) => section.coverage));
    const contact = language === 'ko' ? this.deps.programFacts().program.contact.ko : this.deps.programFacts().program.contact.en;
    if (sections.length === 0 || coverage < MIN_COVERAGE) {
      const glossary = search.glossaryTermsIn(query);
      return glossary > 0 ? refuse('no_source', noSourceAnswer(language, contact)) : refuse('out_of_scope', outOfScopeAnswer(language));
    }
    const details = detailTermsAsked(query);
    if (details.length > 0 && !sections.some((section) => mentionsAny(section.chunk.text, details))) return refuse('no_source', noSourceAnswer(language, contact));

    const extractive = composeExtractiveAnswer(query, sections, terms, relevance, language);
    const model = this.deps.model;
    if (!model) return { answer: extractive.text, citations: extractive.citations, outOfScope: false, language, kind: 'answer' };
    const written = await answerWithModel(model.languageModel, model.prompt, query, sections, language, history);
    if (written.outcome === 'answered') return { answer: written.text, citations: written.citations, outOfScope: false, language, kind: 'answer' };
    if (written.outcome === 'not_in_passages') return refuse('no_source', noSourceAnswer(language, contact));
    this.deps.logger.warn({ reason: written.reason }, 'model answer unusable; answering from the documents directly');
    const note = language === 'ko' ? '_(AI 답변을 받지 못해 문서 내용을 그대로 보여 드립니다.)_' : '_(The AI model did not answer; this is quoted straight from the documents.)_';
    return { answer: `${extractive.text}\n${note}`, citations: extractive.citations, outOfScope: false, language, kind: 'answer' };
  }
}

/** Whether the text mentions any of the asked-for detail words ("몇 쪽" → 쪽, "page limit" → page). */
function mentionsAny(text: string, details: string[]): boolean {
  const lower = text.toLowerCase();
  return details.some((detail) =>
    detail
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => !['몇', '최대', '최소', 'how', 'many', 'limit', 'count'].includes(word))
      .some((word) => new RegExp(`(^|[^a-z])${word}`).test(lower)),
  );
}
