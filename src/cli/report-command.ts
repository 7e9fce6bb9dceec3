import { parseArgs } from 'node:util';
import type { ItdaConfig } from '../config/config.js';
import { knowledgeLoopReport, staffAnalytics } from '../knowledge-loop/knowledge-loop-report.js';
import { loadProgramFacts } from '../program/program-facts.js';
import { openStorage } from '../storage/open-storage.js';
import { UsageError } from './cli-error.js';

const USAGE = 'Usage: npm run --silent cli -- report [--json]';

/**
 * `report --json`: the staff analytics from the database at DATABASE_PATH, as the fixed contract
 * {questions, answered, noSource, negativeFeedback, openTickets, topUnanswered, drafts}. Without
 * --json, the same for a person, with the week and per-round drafts.
 */
export async function reportCommand(config: ItdaConfig, args: string[]): Promise<number> {
  let json: boolean | undefined;
  try {
    ({ values: { json } } = parseArgs({ args, options: { json: { type: 'boolean' } } }));
  } catch (error) {
    throw new UsageError(`report: ${(error as Error).message}. ${USAGE}`);
  }
  const storage = await openStorage(config.databasePath);
  try {
    if (json) {
      process.stdout.write(`${JSON.stringify(await knowledgeLoopReport(storage.database))}\n`);
      return 0;
    }
    const rounds = (() => {
      try {
        return loadProgramFacts(config.knowledgeDir).rounds;
      } catch {
        return [];
      }
    })();
    const a = await staffAnalytics(storage.database, config.now(), rounds);
    const percent = (share: number) => `${Math.round(share * 100)}%`;
    const lines = [
      `Questions: ${a.questionsThisWeek} this week, ${a.questions} in total; answered ${percent(a.answeredShare)} (${a.answered})`,
      `No source: ${a.noSource}   👎: ${a.negativeFeedback} (${percent(a.negativeRate)})`,
      `Open tickets: ${a.openTickets}${a.oldestOpenDays !== undefined ? ` (oldest ${a.oldestOpenDays} days)` : ''}`,
      ...a.topUnanswered.map((topic, n) => `  ${n + 1}. ${topic.question} — ${topic.count} asked`),
      `Drafts: ${a.drafts.inProgress} in progress, ${a.drafts.submitted} submitted`,
      ...a.draftsByRound.map((round) => `  round ${round.round}: ${round.inProgress} in progress, ${round.submitted} submitted`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await storage.database.close();
  }
}
