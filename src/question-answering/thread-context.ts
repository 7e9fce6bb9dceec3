import type { ConversationTurn } from '../ports/stores.js';
import { extractEligibilityFacts, hasAnyFact, type EligibilityFacts } from '../company-facts/eligibility-facts.js';
import type { Route, RouteGuess } from './routing/question-router.js';

/** What earlier turns of the thread (Slack thread, DM, terminal session) carry into this one. */
export interface ThreadContext {
  /** The user's previous question, the topic a follow-up leans on. */
  previousQuestion?: string;
  /** Itda's answer to it: the project, company or hospital it named is what "그 회사" points at. */
  previousAnswer?: string;
  /** Company facts the user already gave (location, founding, type); later turns win. */
  facts: EligibilityFacts;
  /** The Seoul date (YYYY-MM-DD) the thread's founding years are counted to. */
  today: string;
}

export function threadContext(history: ConversationTurn[] = [], current: string, today: string): ThreadContext {
  const userTurns = history.filter((turn) => turn.role === 'user' && turn.text.trim() !== current.trim());
  let facts: EligibilityFacts = { places: [] };
  for (const turn of userTurns) facts = mergeFacts(facts, aboutTheCompany(extractEligibilityFacts(turn.text, today), turn.text));
  const previousAnswer = history.findLast((turn) => turn.role === 'assistant')?.text;
  return { previousQuestion: userTurns.at(-1)?.text, previousAnswer, facts, today };
}

// "우리는…", "저희 회사", "we are…": the turn describes the asker's own company.
const SPEAKS_OF_OWN_COMPANY = /우리|저희|제\s*회사|저는|전\s|\b(we|our|us|i am|i'm)\b/i;

/**
 * An earlier question's field word counts only when that turn was about the asker's company:
 * "과제는 병원 연구진이랑 같이 하나요?" names 병원 as the partner, not as the company's field, and
 * a later eligibility check must not report a "병원 분야" nobody gave.
 */
function aboutTheCompany(facts: EligibilityFacts, text: string): EligibilityFacts {
  const describesCompany = hasAnyFact(facts) || SPEAKS_OF_OWN_COMPANY.test(text);
  return describesCompany ? facts : { ...facts, field: undefined };
}

/** The newer facts over the older ones, field by field. */
export function mergeFacts(older: EligibilityFacts, newer: EligibilityFacts): EligibilityFacts {
  return {
    places: newer.places.length > 0 ? newer.places : older.places,
    founding: newer.founding ?? older.founding,
    size: newer.size ?? older.size,
    field: newer.field ?? older.field,
    employees: newer.employees ?? older.employees,
  };
}

// Words that point back at the previous turn: "그 과제", "거기", "그럼", "that one", "it".
const POINTS_BACK = /(^|\s)(그|그거|그건|그걸|그것|그게|거기|저기|그럼|그러면|그리고|그래서|또|이거|이건)(\s|$|은|는|도|로|으로|을|를|이|가)|^(and|so|then|what about|how about|also)\b|\b(it|that|those|this one|them|there|too)\b/i;

// A thing named by pointing at it ("그 회사", "거기", "that one"), not a conjunction ("그리고", "또", "and").
const NAMES_BY_POINTING = /(^|\s)(그|그거|그건|그걸|그것|그게|거기|저기|이거|이건)(\s|$|은|는|도|로|으로|을|를|이|가|에)|\b(it|that|those|this one|them|there)\b/i;

/** "그 회사 이름 뭐야?": the question is about the thing the previous turn was about, whatever its own words say. */
export function namesByPointing(message: string): boolean {
  return NAMES_BY_POINTING.test(message.trim());
}

/** A message that only makes sense with the previous one: it points back, or is a few words. */
export function leansOnPrevious(message: string): boolean {
  return POINTS_BACK.test(message.trim()) || message.trim().split(/\s+/).length <= 3;
}

/**
 * The route of a follow-up: its own probabilities, with the previous question's added at
 * `weight`. "그거 병원 어디랑 했어?" after a question about a 2024 project leans to the project;
 * "또 어디서 신청해" after "마감 언제야" keeps its own topic, which pasting the two questions
 * together would drown in the first one's words.
 */
export function followUpGuess(own: RouteGuess, previous: RouteGuess, weight: number): RouteGuess {
  const routes = Object.keys(own.probabilities) as Route[];
  const total = routes.reduce((sum, route) => sum + own.probabilities[route] + weight * previous.probabilities[route], 0);
  const probabilities = Object.fromEntries(routes.map((route) => [route, (own.probabilities[route] + weight * previous.probabilities[route]) / total])) as Record<Route, number>;
  const [first, second] = [...routes].sort((left, right) => probabilities[right] - probabilities[left]);
  return { route: first!, confidence: probabilities[first!], second: { route: second!, confidence: probabilities[second!] }, probabilities };
}
