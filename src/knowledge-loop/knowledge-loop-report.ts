import type { Database } from '../storage/database.js';

/** The fixed `report --json` contract. */
export interface KnowledgeLoopReport {
  questions: number;
  answered: number;
  noSource: number;
  negativeFeedback: number;
  openTickets: number;
  topUnanswered: { question: string; count: number }[];
  drafts: { inProgress: number; submitted: number };
}

/** What staff App Home adds to the contract: the week, rates, ages and drafts per round. */
export interface StaffAnalytics extends KnowledgeLoopReport {
  questionsThisWeek: number;
  answeredShare: number;
  negativeRate: number;
  oldestOpenDays?: number;
  draftsByRound: { round: string; inProgress: number; submitted: number }[];
}

/** Kinds that are an answer to the question asked; refusals and "the documents do not say" are not. */
const ANSWERED_KINDS = "('answer', 'deadline', 'eligibility')";
const DAY_MS = 86_400_000;

/**
 * The staff analytics from the database alone. Answers recorded before the knowledge loop kept
 * their kind count as questions and as answered (they were not refused then either way we know).
 */
export async function knowledgeLoopReport(database: Database, top = 5): Promise<KnowledgeLoopReport> {
  const count = async (sql: string, parameters: unknown[] = []) => (await database.get<{ n: number }>(sql, parameters))?.n ?? 0;
  const questions = await count('SELECT COUNT(*) AS n FROM answers');
  const answered = await count(`SELECT COUNT(*) AS n FROM answers a LEFT JOIN answer_contexts c ON c.answer_id = a.answer_id WHERE c.kind IS NULL OR c.kind IN ${ANSWERED_KINDS}`);
  const noSource = await count("SELECT COUNT(*) AS n FROM answer_contexts WHERE kind = 'no_source'");
  const negativeFeedback = await count("SELECT COUNT(DISTINCT answer_id) AS n FROM feedback WHERE vote = 'down'");
  const openTickets = await count("SELECT COUNT(*) AS n FROM tickets WHERE state = 'open'");
  // A ticket already groups the questions that are alike (similar-question.ts): its askers are the count.
  const topUnanswered = await database.all<{ question: string; count: number }>(
    `SELECT t.question AS question, COUNT(a.user_id) AS count FROM tickets t JOIN ticket_askers a ON a.ticket_id = t.id
     WHERE t.state = 'open' GROUP BY t.id ORDER BY count DESC, t.created_at LIMIT ?`,
    [top],
  );
  const inProgress = await count("SELECT COUNT(*) AS n FROM drafts WHERE status = 'in_progress'");
  const submitted = await count("SELECT COUNT(*) AS n FROM drafts WHERE status = 'submitted'");
  return { questions, answered, noSource, negativeFeedback, openTickets, topUnanswered, drafts: { inProgress, submitted } };
}

export async function staffAnalytics(database: Database, now: Date, rounds: { id: string; deadline: string }[]): Promise<StaffAnalytics> {
  const report = await knowledgeLoopReport(database);
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  const questionsThisWeek = (await database.get<{ n: number }>('SELECT COUNT(*) AS n FROM answers WHERE created_at >= ?', [weekAgo]))?.n ?? 0;
  const oldest = await database.get<{ created_at: string }>("SELECT created_at FROM tickets WHERE state = 'open' ORDER BY created_at LIMIT 1");
  const drafts = await database.all<{ status: string; updated_at: string; submitted_at: string | null }>("SELECT status, updated_at, submitted_at FROM drafts WHERE status IN ('in_progress', 'submitted')");
  return {
    ...report,
    questionsThisWeek,
    answeredShare: report.questions > 0 ? report.answered / report.questions : 0,
    negativeRate: report.questions > 0 ? report.negativeFeedback / report.questions : 0,
    oldestOpenDays: oldest ? Math.floor((now.getTime() - Date.parse(oldest.created_at)) / DAY_MS) : undefined,
    draftsByRound: draftsByRound(drafts, rounds),
  };
}

/** A draft belongs to the first round whose deadline is on or after its date (the latest round after all of them). */
function draftsByRound(drafts: { status: string; updated_at: string; submitted_at: string | null }[], rounds: { id: string; deadline: string }[]): StaffAnalytics['draftsByRound'] {
  const sorted = [...rounds].sort((left, right) => left.deadline.localeCompare(right.deadline));
  const byRound = new Map<string, { round: string; inProgress: number; submitted: number }>();
  for (const draft of drafts) {
    const day = (draft.submitted_at ?? draft.updated_at).slice(0, 10);
    const round = sorted.find((candidate) => candidate.deadline >= day) ?? sorted.at(-1);
    const id = round?.id ?? '-';
    const entry = byRound.get(id) ?? { round: id, inProgress: 0, submitted: 0 };
    if (draft.status === 'submitted') entry.submitted += 1;
    else entry.inProgress += 1;
    byRound.set(id, entry);
  }
  return [...byRound.values()];
}
