import type { Language } from '../messages/language.js';
import type { Database } from '../storage/database.js';
import type { RoundProposal } from './round-proposal.js';

export type NoticeKind = 'announce' | 'remind_7' | 'remind_1';

export interface PendingNotice {
  userId: string;
  roundId: string;
  kind: NoticeKind;
  language: Language;
}

export interface StoredProposal {
  id: string;
  staffId: string;
  proposal: RoundProposal;
  status: 'pending' | 'approved' | 'cancelled';
  decidedBy?: string;
}

/**
 * Proposals, subscriptions and the notice outbox in SQLite, so a restart loses no proposal
 * and no schedule. A notice is one row per (user, round, kind): it can be scheduled any number
 * of times and is claimed once before it is sent, so it is never sent twice.
 */
export class RoundNewsStore {
  constructor(private readonly database: Database) {}

  async saveProposal(id: string, staffId: string, proposal: RoundProposal, at: Date): Promise<void> {
    await this.database.run(
      `INSERT INTO round_proposals (id, staff_id, proposal_json, status, created_at) VALUES (?, ?, ?, 'pending', ?)
       ON CONFLICT (id) DO UPDATE SET proposal_json = excluded.proposal_json`,
      [id, staffId, JSON.stringify(proposal), at.toISOString()],
    );
  }

  async loadProposal(id: string): Promise<StoredProposal | undefined> {
    const row = await this.database.get<{ id: string; staff_id: string; proposal_json: string; status: StoredProposal['status']; decided_by: string | null }>(
      'SELECT * FROM round_proposals WHERE id = ?',
      [id],
    );
    return row && { id: row.id, staffId: row.staff_id, proposal: JSON.parse(row.proposal_json) as RoundProposal, status: row.status, decidedBy: row.decided_by ?? undefined };
  }

  /** Moves a pending proposal to approved/cancelled; false when someone already decided it. */
  async decide(id: string, status: 'approved' | 'cancelled', by: string, at: Date): Promise<boolean> {
    const result = await this.database.run(
      "UPDATE round_proposals SET status = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'pending'",
      [status, by, at.toISOString(), id],
    );
    return result.changes === 1;
  }

  async setSubscription(userId: string, status: 'subscribed' | 'unsubscribed', language: Language, at: Date): Promise<void> {
    await this.database.run(
      `INSERT INTO round_subscriptions (user_id, status, language, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET status = excluded.status, language = excluded.language, updated_at = excluded.updated_at`,
      [userId, status, language, at.toISOString()],
    );
    if (status === 'unsubscribed') await this.database.run('DELETE FROM round_notices WHERE user_id = ? AND sent_at IS NULL AND claimed_at IS NULL', [userId]);
  }

  async subscription(userId: string): Promise<'subscribed' | 'unsubscribed' | undefined> {
    const row = await this.database.get<{ status: 'subscribed' | 'unsubscribed' }>('SELECT status FROM round_subscriptions WHERE user_id = ?', [userId]);
    return row?.status;
  }

  /** Schedules the announcement of a round for every subscriber (again for an already-told user: ignored). */
  async scheduleAnnouncement(roundId: string, at: Date): Promise<number> {
    const result = await this.database.run(
      `INSERT OR IGNORE INTO round_notices (user_id, round_id, kind, language, due_at)
       SELECT user_id, ?, 'announce', language, ? FROM round_subscriptions WHERE status = 'subscribed'`,
      [roundId, at.toISOString()],
    );
    return result.changes;
  }

  /** Schedules a deadline reminder for every user with a draft in progress who has not unsubscribed. */
  async scheduleReminders(roundId: string, kind: 'remind_7' | 'remind_1', at: Date): Promise<number> {
    const result = await this.database.run(
      `INSERT OR IGNORE INTO round_notices (user_id, round_id, kind, language, due_at)
       SELECT drafts.user_id, ?, ?, COALESCE(round_subscriptions.language, 'ko'), ? FROM drafts
       LEFT JOIN round_subscriptions ON round_subscriptions.user_id = drafts.user_id
       WHERE drafts.status = 'in_progress' AND COALESCE(round_subscriptions.status, 'subscribed') = 'subscribed'`,
      [roundId, kind, at.toISOString()],
    );
    return result.changes;
  }

  async due(at: Date): Promise<PendingNotice[]> {
    const rows = await this.database.all<{ user_id: string; round_id: string; kind: NoticeKind; language: Language }>(
      'SELECT user_id, round_id, kind, language FROM round_notices WHERE sent_at IS NULL AND claimed_at IS NULL AND attempts < 5 AND due_at <= ? ORDER BY due_at, user_id',
      [at.toISOString()],
    );
    return rows.map((row) => ({ userId: row.user_id, roundId: row.round_id, kind: row.kind, language: row.language }));
  }

  /** Takes a notice for sending; false when another sender (or an earlier run) already took it. */
  async claim(notice: PendingNotice, at: Date): Promise<boolean> {
    const result = await this.database.run(
      'UPDATE round_notices SET claimed_at = ? WHERE user_id = ? AND round_id = ? AND kind = ? AND sent_at IS NULL AND claimed_at IS NULL',
      [at.toISOString(), notice.userId, notice.roundId, notice.kind],
    );
    return result.changes === 1;
  }

  async markSent(notice: PendingNotice, at: Date): Promise<void> {
    await this.database.run('UPDATE round_notices SET sent_at = ? WHERE user_id = ? AND round_id = ? AND kind = ?', [at.toISOString(), notice.userId, notice.roundId, notice.kind]);
  }

  /** A send that failed goes back to the queue for the next tick. */
  async release(notice: PendingNotice): Promise<void> {
    await this.database.run('UPDATE round_notices SET claimed_at = NULL, attempts = attempts + 1 WHERE user_id = ? AND round_id = ? AND kind = ?', [notice.userId, notice.roundId, notice.kind]);
  }

  /** /itda forget: the subscription and every notice for the user go. */
  async deleteForUser(userId: string): Promise<void> {
    await this.database.run('DELETE FROM round_notices WHERE user_id = ?', [userId]);
    await this.database.run('DELETE FROM round_subscriptions WHERE user_id = ?', [userId]);
    await this.database.run('UPDATE round_proposals SET staff_id = ? WHERE staff_id = ?', ['(deleted)', userId]);
  }
}
