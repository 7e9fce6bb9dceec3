/**
 * Every write on one connection, in arrival order. Writes whose result nobody reads (a turn
 * appended, an answer recorded, an outbox stored, an event finished) that are waiting together
 * go to SQLite as one script, `BEGIN; …; COMMIT`: one trip to the thread pool and one
 * transaction for a burst's worth of messages instead of one of each per statement. Each
 * caller still hears back only once its write is committed, so what was acknowledged survives
 * a kill -9 as before. A script that fails is rolled back and its writes run again one by one,
 * so each caller gets its own outcome. Writes that return something run alone.
 *
 * Nothing else writes on the connection while a script runs or is rolled back: that is why
 * every write goes through here.
 */
export interface QueuedWriteRunner {
  /** Runs a script of statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised write and returns what it returns. */
  alone<T>(write: () => Promise<T>): Promise<T>;
}

/**
 * One shape for every queued write (a class, not spread object literals): drain and asScript
 * read these once per write, and V8 deoptimised them on "wrong map" when entries came in
 * several shapes.
 */
class Queued {
  resolve!: (value: unknown) => void;
  reject!: (error: unknown) => void;
  constructor(
    /** Set for a write that can join a script: its SQL with the values written in. */
    readonly script: string | undefined,
    readonly run: () => Promise<unknown>,
  ) {}
}

/**
 * How long a queued write waits for others to join its script. Each script is a trip to the
 * thread pool, and handing one over costs the main thread far more than its SQL text; a burst's
 * messages write at different moments (their turn, answer record, outbox, done), so a turn of
 * the event loop gathered only about one message's writes per script.
 */
const GATHER_MS = 3;

/** Writes per script; a burst's worth, and a bounded loss of work if one of them fails. */
const WRITES_PER_SCRIPT = 200;

export class WriteQueue {
  private readonly queued: Queued[] = [];
  /** Writes that go before every queued one (the inbox's accepts, which an ack waits on). */
  private readonly urgent: Queued[] = [];
  private draining?: Promise<void>;
  /** Transactions this queue has run so far (a script is one; a write alone is one): what "one transaction per message" is checked against. */
  transactions = 0;

  constructor(private readonly runner: QueuedWriteRunner) {}

  /** A write whose result is not needed; `run` is how it runs alone. */
  write(sql: string, parameters: unknown[], run: () => Promise<unknown>): Promise<void> {
    return this.enqueue(withValues(sql, parameters), run) as Promise<void>;
  }

  /** A write whose result is needed (changes, lastID, returned rows): it runs alone, in its turn. */
  alone<T>(run: () => Promise<T>): Promise<T> {
    return this.enqueue(undefined, run) as Promise<T>;
  }

  /**
   * A write that runs alone before everything queued (after the urgent ones before it): it
   * waits at most for the transaction already running, never behind a burst's answer records.
   */
  first<T>(run: () => Promise<T>): Promise<T> {
    return this.enqueue(undefined, run, this.urgent) as Promise<T>;
  }

  private enqueue(script: string | undefined, run: () => Promise<unknown>, lane: Queued[] = this.queued): Promise<unknown> {
    const entry = new Queued(script, run);
    return new Promise((resolve, reject) => {
      entry.resolve = resolve;
      entry.reject = reject;
      lane.push(entry);
      // Started GATHER_MS later, so writes issued close together travel together.
      // An urgent write starts now: its caller has already gathered its batch (the inbox's accepts
      // of one turn), and during a burst a turn of the event loop is every request read in it,
      // tens of milliseconds that each ack would wait once more.
      this.draining ??= (lane === this.urgent ? Promise.resolve() : new Promise<void>((started) => setTimeout(started, GATHER_MS))).then(() => this.drain());
    });
  }

  private async drain(): Promise<void> {
    // Urgent and queued writes take turns, so a steady stream of accepts cannot starve the
    // answer records (an accept still waits for at most one transaction).
    let urgentLast = false;
    while (this.urgent.length > 0 || this.queued.length > 0) {
      const urgent: Queued | undefined = urgentLast && this.queued.length > 0 ? undefined : this.urgent.shift();
      urgentLast = urgent !== undefined;
      if (urgent) {
        this.transactions += 1;
        await this.runner.alone(urgent.run).then(urgent.resolve, urgent.reject);
        continue;
      }
      const first = this.queued[0]!;
      let count = 1;
      if (first.script !== undefined) while (count < Math.min(this.queued.length, WRITES_PER_SCRIPT) && this.queued[count]!.script !== undefined) count += 1;
      const batch = this.queued.splice(0, count);
      if (batch.length > 1 && (await this.asScript(batch))) continue;
      for (const entry of batch) {
        this.transactions += 1;
        await this.runner.alone(entry.run).then(entry.resolve, entry.reject);
      }
    }
    this.draining = undefined;
  }

  /** True when the whole script was committed (and its callers told); false after a rollback. */
  private async asScript(batch: Queued[]): Promise<boolean> {
    try {
      let script = 'BEGIN; ';
      for (const entry of batch) script += `${entry.script!};\n`;
      await this.runner.exec(`${script}COMMIT;`);
    } catch {
      await this.runner.exec('ROLLBACK').catch(() => undefined);
      return false;
    }
    this.transactions += 1;
    for (const entry of batch) entry.resolve(undefined);
    return true;
  }
}

/** The SQL of a write, cut at its placeholders; undefined when it cannot be written out (below). */
const templates = new Map<string, string[] | undefined>();
/** Distinct SQL texts remembered; Itda's writes use a few dozen. */
const TEMPLATES_KEPT = 500;

/**
 * The SQL with each `?` (outside quotes) replaced by its value as an SQLite literal; undefined
 * when a value cannot be written safely as one (a NUL in a string would end the script early,
 * blobs and the like), and the write then runs alone with bound parameters.
 */
export function withValues(sql: string, parameters: unknown[]): string | undefined {
  let parts = templates.get(sql);
  if (parts === undefined && !templates.has(sql)) {
    parts = placeholderParts(sql);
    if (templates.size >= TEMPLATES_KEPT) templates.clear();
    templates.set(sql, parts);
  }
  if (!parts || parts.length !== parameters.length + 1) return undefined;
  let out = parts[0]!;
  for (let index = 0; index < parameters.length; index += 1) {
    const literal = sqlLiteral(parameters[index]);
    if (literal === undefined) return undefined;
    out += literal + parts[index + 1]!;
  }
  return out;
}

/** The text between placeholders, or undefined for SQL that is not one plain statement with `?`s. */
function placeholderParts(sql: string): string[] | undefined {
  const parts: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let index = 0; index < sql.length; index += 1) {
    const char = sql[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
      current += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      current += char;
    } else if (char === '?') {
      // Numbered parameters (?1) are not how Itda writes SQL; such a write runs alone.
      if (/\d/.test(sql[index + 1] ?? '')) return undefined;
      parts.push(current);
      current = '';
    } else if (char === ';') {
      return undefined;
    } else {
      current += char;
    }
  }
  parts.push(current);
  return quote === undefined ? parts : undefined;
}

function sqlLiteral(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') return value.includes('\0') ? undefined : `'${value.replaceAll("'", "''")}'`;
  return undefined;
}
