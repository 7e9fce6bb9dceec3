import type { Database } from './database.js';

/**
 * Slack retries an event when our ack is late or lost. Recording each event id once, in the
 * database rather than memory, means a retry never produces a second answer, even after a restart.
 */
export class ProcessedEvents {
  constructor(private readonly database: Database) {}

  /** True the first time an id is seen, false for every redelivery. */
  async claim(eventId: string, now: Date = new Date()): Promise<boolean> {
    const result = await this.database.run('INSERT OR IGNORE INTO processed_events (event_id, received_at) VALUES (?, ?)', [
      eventId,
      now.toISOString(),
    ]);
    return result.changes === 1;
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const result = await this.database.run('DELETE FROM processed_events WHERE received_at < ?', [cutoff.toISOString()]);
    return result.changes;
  }
}
