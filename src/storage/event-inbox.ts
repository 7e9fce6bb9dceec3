import { CallsOfOneTurn } from './calls-of-one-turn.js';
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
interface Accept {
  eventId: string;
  bodyJson: string;
  receivedAt: string;
}

/** Rows per INSERT: one JSON array parameter, so only the batch's size in bytes bounds it. */
const ROWS_PER_STATEMENT = 500;

/**
 * One SQL text for every batch size: the rows travel as one JSON array ([id, body, received at]
 * each) that json_each unpacks in order. With one VALUES row per event, each batch size was a
 * new SQL text to prepare (a trip to the thread pool of its own, and a miss in the kept
 * statements), so a burst's accepts waited for two trips instead of one before their acks.
 */
const INSERT_BATCH = `INSERT INTO inbox_events (event_id, body_json, received_at, status)
  SELECT value ->> 0, value ->> 1, value ->> 2, 'received' FROM json_each(?) WHERE true
  ON CONFLICT (event_id) DO NOTHING RETURNING event_id`;

export class EventInbox {
  private readonly accepts = new CallsOfOneTurn<Accept, boolean>(ROWS_PER_STATEMENT, (batch) => this.store(batch));

  constructor(private readonly database: Database) {}

  /**
   * True the first time an id is seen (the event is now stored), false for every redelivery.
   * Events arriving together are stored together: one multi-row INSERT (one transaction) per
   * turn of the event loop, so a burst of hundreds costs a few commits, not hundreds, before
   * their acks. Batches run one after another, so a redelivery is always judged against the
   * events stored before it.
   */
  accept(eventId: string, body: Record<string, unknown>, now: Date = new Date()): Promise<boolean> {
    return this.accepts.call({ eventId, bodyJson: JSON.stringify(body), receivedAt: now.toISOString() });
  }

  private async store(batch: Accept[]): Promise<boolean[]> {
    // One statement: rows whose id is new are inserted (in the batch's order) and returned; redeliveries are not.
    // It goes before the writes already queued, so an ack waits at most for the transaction
    // running now. (A connection of its own for accepts made the two connections take turns
    // at SQLite's write lock, and the loser slept in SQLite's busy handler, up to 100 ms a go.)
    const rows = JSON.stringify(batch.map((entry) => [entry.eventId, entry.bodyJson, entry.receivedAt]));
    const inserted = await this.database.writeReturning<{ event_id: string }>(INSERT_BATCH, [rows], { first: true });
    // Within a batch the first copy of an id is the one stored; later copies are redeliveries.
    const unclaimed = new Set(inserted.map((row) => row.event_id));
    return batch.map((entry) => unclaimed.delete(entry.eventId));
  }

  /**
   * Stores the replies an event produced before any is posted. A finished event stays finished:
   * an answer still being computed when its asker said `/itda forget` is not stored again.
   */
  async recordOutbox(eventId: string, outbox: OutboxBatch[]): Promise<void> {
    await this.database.write("UPDATE inbox_events SET status = 'answered', outbox_json = ? WHERE event_id = ? AND status != 'done'", [JSON.stringify(outbox), eventId]);
  }

  /**
   * `/itda forget`: the user's events not yet answered or delivered lose their text and replies
   * (only the id stays, to refuse redeliveries); they are not answered after a restart.
   */
  async forgetUser(userId: string): Promise<number> {
    const result = await this.database.run(
      `UPDATE inbox_events SET status = 'done', body_json = '{}', outbox_json = NULL
       WHERE status != 'done' AND (json_extract(body_json, '$.event.user') = ? OR json_extract(body_json, '$.event.assistant_thread.user_id') = ?)`,
      [userId, userId],
    );
    return result.changes;
  }

  /** Retention: an event left unfinished longer than the retention period loses its text and replies too. */
  async forgetUnfinishedOlderThan(cutoff: Date): Promise<number> {
    const result = await this.database.run("UPDATE inbox_events SET status = 'done', body_json = '{}', outbox_json = NULL WHERE status != 'done' AND received_at < ?", [cutoff.toISOString()]);
    return result.changes;
  }

  /** Marks the event finished; the stored text goes, only the id stays to refuse redeliveries. */
  async finish(eventId: string): Promise<void> {
    await this.database.write("UPDATE inbox_events SET status = 'done', body_json = '{}', outbox_json = NULL WHERE event_id = ?", [eventId]);
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
