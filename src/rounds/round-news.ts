import type { Reply } from '../ports/reply.js';
import type { Logger } from '../observability/logger.js';
import { deadlineStatus, seoulDate } from '../program/deadline-status.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { roundNotice } from './round-news-messages.js';
import type { RoundNewsStore } from './round-news-store.js';

export interface RoundNewsDependencies {
  store: RoundNewsStore;
  programFacts: () => ProgramFacts;
  now: () => Date;
  /** Sends a DM (Slack); absent in the terminal, where notices wait in the outbox for the Slack app. */
  deliver?: (userId: string, reply: Reply) => Promise<void>;
  logger: Logger;
}

/** How often the outbox is checked; reminders are by day, announcements are also sent right after approval. */
const TICK_MS = 60_000;

/**
 * Sends round announcements and deadline reminders from the SQLite outbox. Each tick schedules
 * the reminders today calls for (7 days and 1 day before the deadline, for drafts in progress),
 * then sends what is due. A notice is claimed before it is sent, so two ticks, two processes or a
 * restart never send it twice.
 */
export class RoundNews {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again?: Promise<void>;

  constructor(private readonly deps: RoundNewsDependencies) {}

  start(): void {
    if (!this.deps.deliver || this.timer) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.again;
    await this.running;
  }

  /**
   * One pass. A call while a pass runs queues one more pass after it, so a notice scheduled
   * mid-pass (an approval) is sent now rather than a tick later. Never rejects: a failure is logged.
   */
  tick(): Promise<void> {
    if (this.running) {
      this.again ??= this.running.then(() => {
        this.again = undefined;
        return this.tick();
      });
      return this.again;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.deps.logger.error({ problem: (error as Error).message }, 'round news pass failed'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  private async pass(): Promise<void> {
    const { store, now, logger } = this.deps;
    const facts = this.deps.programFacts();
    const status = deadlineStatus(facts, now());
    if (status.state === 'open' && status.daysLeft <= 7) {
      await store.scheduleReminders(status.round.id, status.daysLeft <= 1 ? 'remind_1' : 'remind_7', now());
    }
    if (!this.deps.deliver) return;
    for (const notice of await store.due(now())) {
      if (!(await store.claim(notice, now()))) continue;
      const round = facts.rounds.find((candidate) => candidate.id === notice.roundId);
      const daysLeft = round ? daysBetween(seoulDate(now()), round.deadline) : -1;
      // A reminder for a round that has closed (or was removed) is no longer news: drop it.
      if (!round || daysLeft < 0) {
        await store.markSent(notice, now());
        continue;
      }
      try {
        await this.deps.deliver(notice.userId, roundNotice(notice.kind, round, facts, daysLeft, notice.language));
        await store.markSent(notice, now());
      } catch (error) {
        logger.warn({ kind: notice.kind, round: notice.roundId, problem: (error as Error).message }, 'round notice not delivered; will retry');
        await store.release(notice);
      }
    }
  }
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
