import type { QuestionAnswer, QuestionAnswering } from '../ports/capabilities.js';
import { detectLanguage } from '../messages/detect-language.js';
import type { ConversationTurn } from '../ports/stores.js';
import type { Language } from '../messages/language.js';
import type { ChatModelSource } from '../llm/chat-model.js';
import type { Logger } from '../observability/logger.js';
import { seoulDate } from '../program/deadline-status.js';
import { latestRound, type ProgramFacts } from '../program/program-facts.js';
import type { AnswerPrompt } from './answer-prompt.js';
import { detailTermsAsked } from './detail-terms.js';
import { answerFromSections, rankedHits, rankSections, type DocumentsQuestion } from './documents-answer.js';
import { extractEligibilityFacts, hasAnyFact, type EligibilityFacts } from '../company-facts/eligibility-facts.js';
import { languageSwitch } from './follow-up-question.js';
import type { KnowledgeHit } from './knowledge-search.js';
import type { KnowledgeSnapshot, LiveKnowledgeIndex } from './live-knowledge-index.js';
import { deadlineAnswer, eligibilityAnswer, rulesAnswer } from './program-facts-answers.js';
import { questionParts } from './question-parts.js';
import { injectionAnswer, medicalAdviceAnswer, outOfScopeAnswer } from './refusal-answers.js';
import { combineParts, fixedSectionAnswer, thanksAnswer } from './route-answers.js';
import type { Route, RouteGuess } from './routing/question-router.js';
import { spendingAnswer } from './spending-answer.js';
import { asksAboutSpending, followUpSpendingItem, spendingItem } from './spending-question.js';
import { followUpGuess, leansOnPrevious, mergeFacts, namesByPointing, threadContext, type ThreadContext } from './thread-context.js';
import { hasTopicWords, namedInPreviousAnswer, quotedBefore, topicOfQuestion } from './thread-topic.js';
import { isYesNoQuestion } from './yes-no-question.js';

export { MIN_COVERAGE } from './documents-answer.js';

export interface QuestionAnsweringDependencies {
  knowledge: LiveKnowledgeIndex;
  programFacts: () => ProgramFacts;
  now: () => Date;
  /** With a model, answers are written from the passages; without, they are quoted. */
  model?: { chatModel: ChatModelSource; prompt: AnswerPrompt };
  logger: Logger;
}

/** Below this probability the classifier's route is not trusted: retrieval decides. */
export const ROUTE_MIN_CONFIDENCE = 0.3;
/** A refusal (off topic, medical advice, injection) needs this much confidence. */
export const REFUSAL_CONFIDENCE = 0.45;
/** A follow-up whose own route is this sure does not borrow the previous question's. */
const OWN_ROUTE_CONFIDENCE = 0.75;
/** How much a follow-up's route leans on the previous question's (its probabilities added at this weight). */
const FOLLOW_UP_WEIGHT = 0.5;
/** …and when it names the previous topic by pointing at it ("그 회사", "that one"): the topic is the previous one's. */
const POINTING_WEIGHT = 2;
/** When the classifier leans to a refusal without being sure, a section must cover this much of the question. */
const LEANING_REFUSAL_COVERAGE = 0.4;
/** With some pull towards a refusal (but less than a lean), a section must cover this much. */
const UNROUTED_COVERAGE = 0.3;
const UNSURE_REFUSAL_SHARE = 0.25;
/** A program route this sure answers from its best section however few words it shares. */
const CONFIDENT_ROUTE = 0.5;
const CONFIDENT_ROUTE_COVERAGE = 0;
/** An off-topic guess is overruled when one section covers this share of the question's words. */
const OFF_TOPIC_OVERRULED_BY_COVERAGE = 0.7;
const RETRIEVED = 5;
const REFUSALS = new Set<Route>(['out_of_scope', 'medical_advice', 'injection']);
/** The routes that read the company facts a question states (an eligibility check or the rules). */
const ELIGIBILITY = new Set<Route | undefined>(['eligibility_check', 'eligibility_rules']);
// Only the wording of the medical refusal depends on it: every medical refusal names 119.
const URGENT = /가슴이?\s*(아프|아픈|아파|통증|답답)|숨(이|을|쉬기)?\s*(안|못|차|힘들)|의식|쓰러|마비|chest pain|can'?t breathe|unconscious|stroke symptoms/i;

interface Routed {
  part: string;
  guess: RouteGuess;
  route?: Route;
  context: string[];
  /** The thread's previous question, when this one leans on it. */
  previous?: string;
  /** The part's own company facts when routing already read them, and for which day: answering reads the same ones. */
  ownFacts?: { today: string; facts: EligibilityFacts };
}

/**
 * Answers founders' questions from knowledge/. A message is split into its questions; each is
 * routed by the classifier trained on knowledge/routing-examples.yaml (refusals, eligibility
 * checks, dates, funding, …) with the thread's earlier question and company facts carried
 * over; the route's topics steer retrieval, and dated or rule-based answers come from program.yaml.
 */
export class KnowledgeQuestionAnswering implements QuestionAnswering {
  constructor(private readonly deps: QuestionAnsweringDependencies) {}

  async answer(question: string, options: { history?: ConversationTurn[]; language?: Language } = {}): Promise<QuestionAnswer> {
    const switched = languageSwitch(question, options.history);
    const query = switched?.query ?? question.trim();
    const language = switched?.language ?? options.language ?? detectLanguage(question);
    const snapshot = this.deps.knowledge.current;
    const whole = snapshot.router.classify(query);
    if (whole.route === 'injection' && whole.confidence >= REFUSAL_CONFIDENCE) return refusal('injection', injectionAnswer(language), language);
    const thread = switched ? { facts: { places: [] }, today: seoulDate(this.deps.now()) } : threadContext(options.history, question, seoulDate(this.deps.now()));
    const parts = questionParts(query, { differentTopics: (first, second) => differentTopics(snapshot, first, second) });
    // One part is the whole message: its guess is the one just made.
    if (parts.length === 1) return this.answerPart(this.route(snapshot, query, thread, whole), thread, language, options.history);
    const answers: QuestionAnswer[] = [];
    for (const [index, part] of parts.entries()) {
      // "2) 지원금은 얼마고 어디에 쓸 수 있는지": a numbered item that itself asks two things is
      // answered for both, within its own numbered part.
      const asked = questionParts(part, { differentTopics: (first, second) => differentTopics(snapshot, first, second) });
      const subAnswers: QuestionAnswer[] = [];
      for (const [subIndex, question] of asked.entries()) {
        const before = subIndex > 0 ? asked[subIndex - 1]! : index > 0 ? parts[index - 1]! : undefined;
        // "지원금 얼마고 그걸로 뭐 할 수 있어?": a later part that points back leans on the part before it.
        // "또 어디서 신청해" after "마감 언제야" is a question of its own: a conjunction starts it, and
        // "신청" says what it is about; "그리고 어디에 쓸 수 있어?" names nothing and leans on the part before.
        const pointing = namesByPointing(question);
        const leans = before !== undefined && (pointing || !hasTopicWords(question, snapshot.search.chunks));
        const partThread = leans ? { ...thread, previousQuestion: before } : thread;
        // "2) 지원금은 얼마고 어디에 쓸 수 있는지": inside one numbered item, the clause shares the subject
        // ("지원금") of the one before it. (Between top-level parts the lean alone does: "올해는 몇개 뽑아?".)
        const whole = subIndex > 0 && leans && !pointing ? `${topicOfQuestion(before, question, snapshot.search.chunks)} ${question.replace(/^(그리고|또|and|also|plus)\s+/i, '')}` : question;
        subAnswers.push(await this.answerPart(this.route(snapshot, whole, partThread), partThread, language, options.history));
      }
      answers.push(subAnswers.length === 1 ? subAnswers[0]! : joinedAnswers(subAnswers, language));
    }
    return combineParts(parts, answers, language);
  }

  /** The top passages for a question, ranked as its answer ranks them: what recall@5 is measured on. */
  async retrieve(question: string, options: { history?: ConversationTurn[]; language?: Language; k?: number } = {}): Promise<KnowledgeHit[]> {
    const snapshot = this.deps.knowledge.current;
    const language = options.language ?? detectLanguage(question);
    const thread = threadContext(options.history, question, seoulDate(this.deps.now()));
    const routed = this.route(snapshot, question.trim(), thread);
    return rankedHits(await rankSections(snapshot, { query: routed.part, context: routed.context, language, guess: routed.guess }, options.k ?? RETRIEVED));
  }

  /** The route a question takes (after thread context): what routing accuracy is measured on. */
  routeOf(question: string, options: { history?: ConversationTurn[] } = {}): Route | undefined {
    const thread = threadContext(options.history, question, seoulDate(this.deps.now()));
    return this.route(this.deps.knowledge.current, question.trim(), thread).route;
  }

  private route(snapshot: KnowledgeSnapshot, part: string, thread: ThreadContext, guessed?: RouteGuess): Routed {
    let guess = guessed ?? snapshot.router.classify(part);
    const previousGuess = thread.previousQuestion !== undefined && leansOnPrevious(part) ? snapshot.router.classify(thread.previousQuestion) : undefined;
    // "지원금 얼마야?" after a question about a hospital is short, but sure of a topic of its own:
    // a new question, not a follow-up, unless it points back ("그 병원은?").
    const newTopic = previousGuess !== undefined && !namesByPointing(part) && guess.confidence >= OWN_ROUTE_CONFIDENCE && guess.route !== previousGuess.route;
    // "넵넵" or "ok cool" after an answer acknowledges it: folded into the previous question it would
    // be asked again. The classifier's lean to thanks decides, as a refusal's does below.
    const acknowledges = guess.route === 'thanks' && guess.confidence >= ROUTE_MIN_CONFIDENCE;
    const leans = previousGuess !== undefined && !newTopic && !acknowledges;
    // "우리는 판교에 있는데 그럼 안돼?" gives company facts of its own: an eligibility guess stands,
    // whatever the previous question was about.
    const ownFacts = ELIGIBILITY.has(guess.route) ? { today: thread.today, facts: extractEligibilityFacts(part, thread.today) } : undefined;
    const ownEligibility = ownFacts !== undefined && hasAnyFact(ownFacts.facts);
    if (leans && guess.confidence < OWN_ROUTE_CONFIDENCE && !ownEligibility) {
      const weight = namesByPointing(part) ? POINTING_WEIGHT : FOLLOW_UP_WEIGHT;
      const together = followUpGuess(guess, previousGuess!, weight);
      if (!REFUSALS.has(together.route)) guess = together;
    }
    const previous = leans ? thread.previousQuestion : undefined;
    const named = previous ? namedInPreviousAnswer(part, thread.previousAnswer) : [];
    // "그 회사" is the company the answer named, whatever the question was about: the name replaces the topic.
    const context = previous ? [named.length > 0 ? named.join(' ') : topicOfQuestion(previous, part, snapshot.search.chunks)] : [];
    return { part, guess, route: guess.confidence >= ROUTE_MIN_CONFIDENCE ? guess.route : undefined, context, previous, ownFacts };
  }

  private async answerPart(routed: Routed, thread: ThreadContext, language: Language, history?: ConversationTurn[]): Promise<QuestionAnswer> {
    const { part, guess } = routed;
    let route = routed.route;
    const snapshot = this.deps.knowledge.current;
    const facts = this.deps.programFacts();
    const now = this.deps.now();
    // "ok thanks" asks nothing: a document chosen for it would be an answer to a question never asked.
    // Like off topic, a section that covers most of its words shows it asks something after all.
    // The words a thank-you uses ("got it") are no evidence of a question: only the others may show one.
    if (guess.route === 'thanks' && guess.confidence >= REFUSAL_CONFIDENCE && !(await this.coveredByKnowledge(snapshot.router.withoutThanksWords(part), language, guess))) return thanksAnswer(language);
    // Off topic, medical advice and injection together: a message split between two kinds of
    // refusal is still one to refuse.
    const refusalShare = [...REFUSALS].reduce((sum, kind) => sum + guess.probabilities[kind], 0);
    const refusalKind = [...REFUSALS].sort((left, right) => guess.probabilities[right] - guess.probabilities[left])[0]!;
    if (refusalShare >= REFUSAL_CONFIDENCE && REFUSALS.has(guess.route)) {
      // Off topic is the one refusal retrieval may overrule: slang ("yo whats the max funding lol")
      // reads as chat, but a section that covers most of its words shows it is a program question.
      const overruled = refusalKind === 'out_of_scope' && (await this.coveredByKnowledge(part, language, guess));
      if (!overruled) return refuseAs(refusalKind, part, language);
    }
    const leaningRefusal = refusalShare >= ROUTE_MIN_CONFIDENCE && REFUSALS.has(guess.route);
    const today = seoulDate(now);
    const ownFacts = routed.ownFacts?.today === today ? routed.ownFacts.facts : extractEligibilityFacts(part, today);
    const companyFacts = mergeFacts(thread.facts, ownFacts);
    const aboutEligibility = ELIGIBILITY.has(route);
    // Facts with a question the classifier is unsure of but leans to eligibility: check them.
    const leansToEligibility = route === undefined && ELIGIBILITY.has(guess.route);
    if (((aboutEligibility || leansToEligibility) && hasAnyFact(ownFacts)) || (route === 'eligibility_check' && hasAnyFact(companyFacts))) return eligibilityAnswer(companyFacts, facts, language);
    if (route === 'eligibility_check') route = 'eligibility_rules';
    const item = route === 'funding' && detailTermsAsked(part).length === 0 ? spendingItem(part) ?? this.followUpItem(routed) : undefined;
    if (item) return spendingAnswer(item, snapshot.fundingUses, facts, language, snapshot.search);
    const settings = route ? snapshot.router.settings[route] : undefined;
    const fixed = settings?.fixed_section && fixedSectionAnswer(settings.fixed_section, snapshot.search, language);
    if (fixed) return fixed;

    // A lean towards a refusal, or no route at all, leaves the decision to retrieval, with a higher bar.
    // A confident program route needs little overlap (Korean endings and typos add unseen n-grams);
    // an unsure one with some pull towards a refusal needs more.
    const minCoverage = leaningRefusal
      ? LEANING_REFUSAL_COVERAGE
      : refusalShare >= UNSURE_REFUSAL_SHARE
        ? UNROUTED_COVERAGE
        : guess.confidence >= CONFIDENT_ROUTE
          ? CONFIDENT_ROUTE_COVERAGE
          : undefined;
    const question: DocumentsQuestion = { query: part, context: routed.context, language, guess, minCoverage };
    const ranked = await rankSections(snapshot, question);
    const sections = ranked.filter((section) => !quotedBefore(part, section.chunk.metadata.lines, thread.previousAnswer));
    const computed = settings?.computed_when_top.includes(sections[0]?.key ?? '');
    if (computed && route === 'dates' && asksAboutRound(part, latestRound(facts).id)) return deadlineAnswer(facts, now, language, snapshot.search);
    if (computed && route === 'eligibility_rules') return rulesAnswer(facts, language, snapshot.search);
    const answer = await answerFromSections(question, sections, {
      snapshot,
      contact: facts.program.contact[language],
      yesNo: isYesNoQuestion(part, language),
      model: this.deps.model,
      history,
      logger: this.deps.logger,
    });
    if (leaningRefusal && (answer.kind === 'out_of_scope' || answer.kind === 'no_source')) return refuseAs(refusalKind, part, language);
    return aboutEligibility && answer.kind === 'answer' ? { ...answer, kind: 'eligibility' } : answer;
  }

  private async coveredByKnowledge(part: string, language: Language, guess: RouteGuess): Promise<boolean> {
    if (part.trim() === '') return false;
    const [best] = await rankSections(this.deps.knowledge.current, { query: part, context: [], language, guess }, 1);
    return best !== undefined && best.coverage >= OFF_TOPIC_OVERRULED_BY_COVERAGE;
  }

  /** "what about GPUs?" after a spending question names the next item to check. */
  private followUpItem(routed: Routed): string | undefined {
    const previous = routed.previous;
    return previous && asksAboutSpending(previous) ? followUpSpendingItem(routed.part) : undefined;
  }
}

function refuseAs(kind: Route, question: string, language: Language): QuestionAnswer {
  if (kind === 'injection') return refusal('injection', injectionAnswer(language), language);
  if (kind === 'medical_advice') return refusal('medical_advice', medicalAdviceAnswer(language, URGENT.test(question)), language);
  return refusal('out_of_scope', outOfScopeAnswer(language), language);
}

function refusal(kind: 'out_of_scope' | 'medical_advice' | 'injection', answer: string, language: Language): QuestionAnswer {
  return { answer, citations: [], outOfScope: true, language, kind };
}

/** The answers to the questions inside one numbered item, one after the other, as that item's answer. */
function joinedAnswers(answers: QuestionAnswer[], language: Language): QuestionAnswer {
  const kinds = new Set(answers.map((answer) => answer.kind));
  return {
    answer: answers.map((answer) => answer.answer).join('\n'),
    citations: answers.flatMap((answer) => answer.citations),
    outOfScope: answers.every((answer) => answer.outOfScope),
    language,
    kind: kinds.size === 1 ? answers[0]!.kind : kinds.has('no_source') ? 'no_source' : 'answer',
  };
}

/** Two questions the trained router sends, each with confidence, to different routes. */
function differentTopics(snapshot: KnowledgeSnapshot, first: string, second: string): boolean {
  const [one, two] = [snapshot.router.classify(first), snapshot.router.classify(second)];
  return one.route !== two.route && one.confidence >= ROUTE_MIN_CONFIDENCE && two.confidence >= ROUTE_MIN_CONFIDENCE;
}

/** A question naming another year's round (2024, 2026) is about that round, not today's deadline. */
function asksAboutRound(question: string, latestRoundYear: string): boolean {
  // "작년 마감은?", "what about last year?": an earlier round, whatever today's year is.
  if (/작년|지난해|지난\s*(번|차수|공고)|시범\s*사업|last year|previous (round|call|year)|the pilot/i.test(question)) return false;
  const years = question.match(/(?<!\d)20\d{2}(?!\d)/g) ?? [];
  return years.every((year) => year === latestRoundYear);
}
