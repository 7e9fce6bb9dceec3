import type { Logger } from '../observability/logger.js';
import type { Storage } from '../storage/open-storage.js';

const DAY_MS = 86_400_000;
/** Slack stops retrying an event within hours; a week of event ids is plenty. */
const EVENT_ID_DAYS = 7;

/** Deletes conversation turns, answers, feedback and unfinished inbox events older than the retention period, and stale event ids. */
export async function applyRetention(storage: Storage, retentionDays: number, now: Date, logger: Logger): Promise<void> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const turns = await storage.history.deleteOlderThan(cutoff);
  const feedback = await storage.feedback.deleteOlderThan(cutoff);
  const tickets = (await storage.tickets.deleteOlderThan(cutoff)) + (await storage.answerContexts.deleteOlderThan(cutoff));
  const unanswered = await storage.inbox.forgetUnfinishedOlderThan(cutoff);
  const events = await storage.inbox.deleteOlderThan(new Date(now.getTime() - EVENT_ID_DAYS * DAY_MS));
  logger.info({ turns, feedback, tickets, unanswered, events, retentionDays }, 'retention applied');
}

/**
 * Runs the clean-up now and then once a day; the timer never keeps the process alive.
 * `stop` waits for a run in progress, so the database is never closed under it.
 */
export function scheduleRetention(storage: Storage, retentionDays: number, now: () => Date, logger: Logger): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = applyRetention(storage, retentionDays, now(), logger).catch((error: unknown) => logger.error({ err: error }, 'retention failed'));
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
