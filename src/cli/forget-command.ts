import { parseArgs } from 'node:util';
import type { ItdaConfig } from '../config/config.js';
import { openStorage } from '../storage/open-storage.js';
import { RoundNewsStore } from '../rounds/round-news-store.js';
import { UsageError } from './cli-error.js';

const USAGE = 'Usage: npm run --silent cli -- forget --user U0123ABCD';

/**
 * `forget --user U123`: program staff delete everything Itda stores about one Slack user (a
 * request by e-mail, a user who left Slack), as `/itda forget` does for the user themselves.
 * The audit log keeps only that it happened.
 */
export async function forgetCommand(config: ItdaConfig, args: string[]): Promise<number> {
  let user: string | undefined;
  try {
    ({ values: { user } } = parseArgs({ args, options: { user: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError(`forget: ${(error as Error).message}. ${USAGE}`);
  }
  if (!user) throw new UsageError(`forget: missing --user. ${USAGE}`);
  if (!/^[UW][A-Z0-9]{2,}$/.test(user)) throw new UsageError(`forget: --user is not a Slack user id (one looks like U0123ABCD; find it in the user's Slack profile, ⋮ → Copy member ID). ${USAGE}`);
  const storage = await openStorage(config.databasePath);
  try {
    const turns = await storage.history.deleteForUser(user);
    const answersAndFeedback = await storage.feedback.deleteForUser(user);
    const tickets = (await storage.tickets.deleteForUser(user)) + (await storage.answerContexts.deleteForUser(user));
    const hadDraft = (await storage.drafts.load(user)) !== undefined;
    await storage.drafts.delete(user);
    await new RoundNewsStore(storage.database).deleteForUser(user);
    const unanswered = await storage.inbox.forgetUser(user);
    await storage.audit.record({ actorId: 'cli', action: 'forget', detail: { userId: user, turns, answersAndFeedback, tickets, draft: hadDraft, unanswered } }, config.now());
    process.stdout.write(
      `Deleted for ${user}: ${turns} conversation turns, ${answersAndFeedback} answers and feedback records, ${hadDraft ? 'their draft' : 'no draft'}, ${tickets} ticket records, ${unanswered} messages not yet answered or delivered. Recorded in the audit log.\n`,
    );
    return 0;
  } finally {
    await storage.database.close();
  }
}
