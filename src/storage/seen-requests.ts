import type { Database } from './database.js';

/**
 * Signed slash commands and interactions carry no event id; a captured request can be sent
 * again until its timestamp is five minutes old. Its timestamp and signature are remembered
 * for that window (in SQLite, so a restart inside the window does not forget them).
 */
export class SeenRequests {
  private lastSweep = 0;

  constructor(private readonly database: Database, private readonly windowMs = 10 * 60_000) {}

  /** True the first time a (timestamp, signature) pair is seen. */
  async firstTime(timestamp: string, signature: string, now: Date = new Date()): Promise<boolean> {
    if (now.getTime() - this.lastSweep > this.windowMs) {
      this.lastSweep = now.getTime();
      await this.database.run('DELETE FROM seen_requests WHERE seen_at < ?', [new Date(now.getTime() - this.windowMs).toISOString()]);
    }
    const result = await this.database.run('INSERT OR IGNORE INTO seen_requests (request_key, seen_at) VALUES (?, ?)', [`${timestamp}:${signature}`, now.toISOString()]);
    return result.changes === 1;
  }
}
