import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { MIGRATIONS } from './migrations.js';
import { WriteQueue } from './write-queue.js';

export type Row = Record<string, unknown>;

/** Why writes are failing right now (disk full, read-only file, I/O error); cleared by the next probe that works. */
export interface WriteProblem {
  code: string;
  reason: string;
  since: string;
}

const WRITE_FAILURES: Record<string, string> = {
  SQLITE_FULL: 'the disk (or the database) is full',
  SQLITE_READONLY: 'the database file is read-only',
  SQLITE_IOERR: 'the disk reported an I/O error',
  SQLITE_CANTOPEN: 'the database file cannot be opened for writing',
  SQLITE_PERM: 'the database file is not writable',
};

/**
 * A small promise wrapper over sqlite3. WAL mode lets readers run beside the writer; a busy
 * database is retried by SQLite itself (busy_timeout) before an error reaches callers.
 */
/** What an operator must fix when SQLite fails this way; undefined for errors that are ours. */
export function storageFailureReason(error: unknown): string | undefined {
  return WRITE_FAILURES[(error as { code?: string } | null)?.code ?? ''];
}

/**
 * Prepared statements kept per SQL text. sqlite3's db.run/get/all prepare, run and finalize a
 * new statement each time, three trips to the thread pool, and building it blocks the main
 * thread for tens of microseconds (more while a burst keeps the connection busy); a kept
 * statement is bound and stepped in one trip. The few SQL texts built per call (the inbox's
 * multi-row INSERT for each batch size) are why there is a limit.
 */
const STATEMENTS_KEPT = 200;

export class Database {
  private problem?: WriteProblem;
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();
  private readonly writes = new WriteQueue({ exec: (sql) => this.exec(sql), alone: (write) => write() });

  private constructor(private readonly handle: sqlite3.Database, readonly path: string) {}

  /** Write transactions run on this connection so far (write-queue.ts counts them). */
  get writeTransactions(): number {
    return this.writes.transactions;
  }

  /** Set while writes fail for a reason an operator must fix; /healthz reports it. */
  get writeProblem(): WriteProblem | undefined {
    return this.problem;
  }

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

  /** A write whose result is read (changes, lastID); it runs alone, in its turn among the writes. */
  run(sql: string, parameters: unknown[] = []): Promise<{ changes: number; lastID: number }> {
    return this.writes.alone(() => this.runNow(sql, parameters));
  }

  /**
   * A write whose result nobody reads: it may share one transaction (one script) with the other
   * writes waiting beside it (write-queue.ts), and resolves once that is committed.
   */
  write(sql: string, parameters: unknown[] = []): Promise<void> {
    return this.writes.write(sql, parameters, () => this.runNow(sql, parameters));
  }

  private runNow(sql: string, parameters: unknown[]): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      const database = this;
      this.statement(sql).then(
        (statement) =>
          statement.run(parameters, function (this: sqlite3.RunResult, error: Error | null) {
            database.noteWrite(error);
            if (error) reject(error);
            else resolve({ changes: this.changes, lastID: this.lastID });
          }),
        (error: Error) => {
          database.noteWrite(error);
          reject(error);
        },
      );
    });
  }

  /**
   * The start-up check that the database is writable, and the recovery probe. Rewriting one row
   * fits in the page it already has, so it succeeds on a full disk too: the probe also makes the
   * file find room for a few new pages (a table of 16 KB, dropped again; its pages stay free for
   * the next writes), which fails with SQLITE_FULL until there is room again.
   */
  async probeWrite(now: Date = new Date()): Promise<void> {
    await this.run('INSERT OR REPLACE INTO storage_probe (id, written_at) VALUES (1, ?)', [now.toISOString()]);
    await this.run('CREATE TABLE IF NOT EXISTS storage_probe_room AS SELECT zeroblob(16384) AS room');
    await this.run('DROP TABLE storage_probe_room');
    // Only a write that found room clears the problem: on a full disk, small updates still fit.
    this.problem = undefined;
  }

  private noteWrite(error: Error | null): void {
    if (!error) return;
    const code = (error as { code?: string }).code ?? '';
    const reason = storageFailureReason(error);
    if (reason && !this.problem) this.problem = { code, reason, since: new Date().toISOString() };
  }

  /**
   * The first row. Stepped to the end like `all`: a kept statement that stopped at its first
   * row would hold its read transaction open, and this connection would stop seeing the
   * inbox's own connection's writes. Callers ask for one row (a key, LIMIT 1).
   */
  async get<T = Row>(sql: string, parameters: unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, parameters))[0];
  }

  all<T = Row>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.statement(sql).then((statement) => statement.all(parameters, (error, rows) => (error ? reject(error) : resolve(rows as T[]))), reject);
    });
  }

  /**
   * A write that returns rows (INSERT … RETURNING); its failures count as write problems.
   * `first`: it goes before every write already queued (write-queue.ts), for a caller who is
   * waiting on it, such as an ack.
   */
  writeReturning<T = Row>(sql: string, parameters: unknown[] = [], options: { first?: boolean } = {}): Promise<T[]> {
    return this.writes[options.first ? 'first' : 'alone'](() => new Promise<T[]>((resolve, reject) => {
      const done = (error: Error | null, rows?: unknown[]) => {
        this.noteWrite(error);
        if (error) reject(error);
        else resolve(rows as T[]);
      };
      this.statement(sql).then((statement) => statement.all(parameters, done), done);
    }));
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.handle.exec(sql, (error) => (error ? reject(error) : resolve())));
  }

  /** The kept statement for this SQL, prepared on first use; one that fails to prepare is not kept. */
  private statement(sql: string): Promise<sqlite3.Statement> {
    let statement = this.statements.get(sql);
    if (statement) {
      // Most recently used last, so the first key is the one to drop.
      this.statements.delete(sql);
    } else {
      statement = new Promise<sqlite3.Statement>((resolve, reject) => {
        const prepared = this.handle.prepare(sql, (error: Error | null) => (error ? reject(error) : resolve(prepared)));
      });
      const mine = statement;
      mine.catch(() => this.statements.get(sql) === mine && this.statements.delete(sql));
      if (this.statements.size >= STATEMENTS_KEPT) {
        const [oldest, kept] = this.statements.entries().next().value!;
        this.statements.delete(oldest);
        // Queued behind the calls that already hold it, so none of them finds it finalized.
        void kept.then((dropped) => dropped.finalize(), () => undefined);
      }
    }
    this.statements.set(sql, statement);
    return statement;
  }

  async close(): Promise<void> {
    // SQLite refuses to close a connection with statements still prepared.
    const kept = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(kept.map((statement) => statement.then((prepared) => new Promise<void>((resolve) => prepared.finalize(() => resolve())), () => undefined)));
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
