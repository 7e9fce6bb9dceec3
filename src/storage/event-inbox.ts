import type { Database } from './database.js';

/** Replies computed for an event, where they go, and how many Slack has already accepted. */
export interface OutboxBatch {
  destination: { channel: string; threadTs?: string };
  language: 'ko' | 'en';
  /** Replies as JSON (file contents base64), so they survive a restart unchanged. */
  replies: unknown[];
  delivered: number;
  /** The first reply already says sorry for the delay. */
  apologised?: boolean;
}

export interface UnfinishedEvent {
  eventId: string;
  body: Record<string, unknown>;
  receivedAt: string;
  status: 'received' | 'answered';
  outbox: OutboxBatch[];
}

/**
 * Slack does not redeliver an event it got a 200 for, so an event is stored before the ack, in
 * the one statement that claims its id: a redelivery is refused by the primary key, and a crash
 * leaves the event here to be answered on the next start. `done` only follows Slack accepting
 * every reply; until then the computed replies wait in the outbox.
 */
export class EventInbox {
  constructor(private readonly database: Database) {}

  /** True the first time an id is seen (the event is now stored), false for every redelivery. */
  async accept(eventId: string, body: Record<string, unknown>, now: Date = new Date()): Promise<boolean> {
    const result = await this.database.run(
      "INSERT OR IGNORE INTO inbox_events (event_id, body_json, received_at, status) VALUES (?, ?, ?, 'received')",
      [eventId, JSON.stringify(body), now.toISOString()],
    );
    return result.changes === 1;
  }

  /** Stores the replies an event produced before any is posted. */
  async recordOutbox(eventId: string, outbox: OutboxBatch[]): Promise<void> {
    await this.database.run("UPDATE inbox_events SET status = 'answered', outbox_json = ? WHERE event_id = ?", [JSON.stringify(outbox), eventId]);
  }

  /** Marks the event finished; the stored text goes, only the id stays to refuse redeliveries. */
  async finish(eventId: string): Promise<void> {
    await this.database.run("UPDATE inbox_events SET status = 'done', body_json = '{}', outbox_json = NULL WHERE event_id = ?", [eventId]);
  }

  async unfinished(): Promise<UnfinishedEvent[]> {
    const rows = await this.database.all<{ event_id: string; body_json: string; received_at: string; status: 'received' | 'answered'; outbox_json: string | null }>(
      "SELECT event_id, body_json, received_at, status, outbox_json FROM inbox_events WHERE status != 'done' ORDER BY received_at, rowid",
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      body: JSON.parse(row.body_json) as Record<string, unknown>,
      receivedAt: row.received_at,
      status: row.status,
      outbox: row.outbox_json ? (JSON.parse(row.outbox_json) as OutboxBatch[]) : [],
    }));
  }

  /** Finished events older than the cutoff; unfinished ones stay whatever their age. */
  async deleteOlderThan(cutoff: Date): Promise<number> {
    const result = await this.database.run("DELETE FROM inbox_events WHERE status = 'done' AND received_at < ?", [cutoff.toISOString()]);
    return result.changes;
  }
}
