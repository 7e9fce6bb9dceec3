import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { MIGRATIONS } from './migrations.js';

export type Row = Record<string, unknown>;

/**
 * A small promise wrapper over sqlite3. WAL mode lets readers run beside the writer; a busy
 * database is retried by SQLite itself (busy_timeout) before an error reaches callers.
 */
export class Database {
  private constructor(private readonly handle: sqlite3.Database, readonly path: string) {}

  static async open(path: string): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const handle = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened: sqlite3.Database = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(opened)));
    });
    const database = new Database(handle, path);
    handle.configure('busyTimeout', 5_000);
    await database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
    await database.migrate();
    return database;
  }

  run(sql: string, parameters: unknown[] = []): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      this.handle.run(sql, parameters, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  get<T = Row>(sql: string, parameters: unknown[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.handle.get(sql, parameters, (error, row) => (error ? reject(error) : resolve(row as T | undefined)));
    });
  }

  all<T = Row>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.handle.all(sql, parameters, (error, rows) => (error ? reject(error) : resolve(rows as T[])));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.handle.exec(sql, (error) => (error ? reject(error) : resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.handle.close((error) => (error ? reject(error) : resolve())));
  }

  async schemaVersion(): Promise<number> {
    const row = await this.get<{ user_version: number }>('PRAGMA user_version');
    return row?.user_version ?? 0;
  }

  /** Applies each migration newer than the database's user_version, each in its own transaction. */
  private async migrate(): Promise<void> {
    const current = await this.schemaVersion();
    for (const [index, sql] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (version <= current) continue;
      await this.exec(`BEGIN; ${sql}; PRAGMA user_version = ${version}; COMMIT;`);
    }
  }
}
