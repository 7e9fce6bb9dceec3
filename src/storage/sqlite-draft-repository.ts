import type { DraftRepository, DraftStatus, StoredDraft } from '../ports/stores.js';
import type { Database } from './database.js';

interface DraftRow {
  user_id: string;
  state_json: string;
  status: DraftStatus;
  updated_at: string;
  submitted_at: string | null;
}

/**
 * Most messages on deadline day come from founders who never opened the form, and each
 * message asks whether one is open. The users who have a draft are read once; for anyone else
 * the answer is "none" without a read. Drafts are only ever created here, in the one Itda
 * process (the CLI reads and deletes them, retention leaves them), so the set can only hold too
 * many users, never miss one.
 */
export class SqliteDraftRepository implements DraftRepository {
  private owners?: Promise<Set<string>>;

  constructor(private readonly database: Database) {}

  private userIdsWithDraft(): Promise<Set<string>> {
    if (!this.owners) {
      const loading = this.database.all<{ user_id: string }>('SELECT user_id FROM drafts').then((rows) => new Set(rows.map((row) => row.user_id)));
      // A failed read is tried again by the next caller instead of being remembered.
      loading.catch(() => this.owners === loading && (this.owners = undefined));
      this.owners = loading;
    }
    return this.owners;
  }

  async load(userId: string): Promise<StoredDraft | undefined> {
    if (!(await this.userIdsWithDraft()).has(userId)) return undefined;
    const row = await this.database.get<DraftRow>('SELECT * FROM drafts WHERE user_id = ?', [userId]);
    return row ? toDraft(row) : undefined;
  }

  async save(draft: StoredDraft): Promise<void> {
    // Before the write: a load racing it must not skip the read.
    (await this.userIdsWithDraft()).add(draft.userId);
    await this.database.run(
      `INSERT INTO drafts (user_id, state_json, status, updated_at, submitted_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET state_json = excluded.state_json, status = excluded.status,
         updated_at = excluded.updated_at, submitted_at = excluded.submitted_at`,
      [draft.userId, JSON.stringify(draft.state), draft.status, draft.updatedAt, draft.submittedAt ?? null],
    );
  }

  async delete(userId: string): Promise<void> {
    await this.database.run('DELETE FROM drafts WHERE user_id = ?', [userId]);
  }

  async listSubmitted(limit: number): Promise<StoredDraft[]> {
    const rows = await this.database.all<DraftRow>(
      "SELECT * FROM drafts WHERE status = 'submitted' ORDER BY submitted_at DESC LIMIT ?",
      [limit],
    );
    return rows.map(toDraft);
  }
}

function toDraft(row: DraftRow): StoredDraft {
  return {
    userId: row.user_id,
    state: parsedState(row.state_json),
    status: row.status,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at ?? undefined,
  };
}

/** A state that is not even JSON still loads: the form reads it as unreadable and keeps the text (stored-form-state.ts). */
function parsedState(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return { unparsedStateJson: json };
  }
}
