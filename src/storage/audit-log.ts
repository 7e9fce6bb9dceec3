import type { AuditEntry, AuditLog } from '../ports/stores.js';
import type { Database } from './database.js';

export class SqliteAuditLog implements AuditLog {
  constructor(private readonly database: Database) {}

  async record(entry: Omit<AuditEntry, 'createdAt'>, at: Date = new Date()): Promise<void> {
    await this.database.run('INSERT INTO audit_log (actor_id, action, detail_json, created_at) VALUES (?, ?, ?, ?)', [
      entry.actorId,
      entry.action,
      JSON.stringify(entry.detail),
      at.toISOString(),
    ]);
  }

  async recent(limit: number): Promise<AuditEntry[]> {
    const rows = await this.database.all<{ actor_id: string; action: string; detail_json: string; created_at: string }>(
      'SELECT * FROM audit_log ORDER BY id DESC LIMIT ?',
      [limit],
    );
    return rows.map((row) => ({
      actorId: row.actor_id,
      action: row.action,
      detail: JSON.parse(row.detail_json) as Record<string, unknown>,
      createdAt: row.created_at,
    }));
  }
}
