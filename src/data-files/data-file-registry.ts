import { watch, type FSWatcher } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Logger } from '../observability/logger.js';
import type { DataFileKind, DataFileStatus } from './data-file-kind.js';
import { LastGoodCopies } from './last-good-copy.js';
import { LiveDataFile } from './live-data-file.js';

export interface DataFileRegistryOptions {
  logger: Logger;
  /** Where the last good copy of each kind is saved for the next start (under the index directory); unset, none. */
  lastGoodDir?: string;
  now?: () => Date;
}

export interface WatchOptions {
  /** Quiet time after the last change before reading, so an editor's burst of writes is one reload. */
  debounceMs?: number;
  /** Fallback for file systems where fs.watch reports nothing (some network and container mounts). */
  pollMs?: number;
}

type Listener = { kinds: Set<string>; run: (changed: string[]) => Promise<unknown> | void };

/**
 * The one reload policy for every staff-edited file: one recursive watcher per folder
 * (knowledge/, prompts/), a debounce, then each kind whose files changed is read, validated
 * and swapped (LiveDataFile); consumers that derive something from a kind (the search index,
 * the matching index) rebuild from the values in service once per round of changes.
 */
export class DataFileRegistry {
  private readonly entries: LiveDataFile<unknown>[] = [];
  private readonly listeners: Listener[] = [];
  private readonly copies: LastGoodCopies;
  private queue: Promise<unknown> = Promise.resolve();
  private watchers: FSWatcher[] = [];
  private timer?: NodeJS.Timeout;
  private poller?: NodeJS.Timeout;

  constructor(private readonly options: DataFileRegistryOptions) {
    this.copies = new LastGoodCopies(options.lastGoodDir);
  }

  add<T>(spec: DataFileKind<T>): LiveDataFile<T> {
    const entry = new LiveDataFile(spec, this.copies, this.options.logger, this.options.now);
    this.entries.push(entry as LiveDataFile<unknown>);
    return entry;
  }

  /** Runs after any of `kinds` took a new value, once per round of changes, with the kinds that changed. */
  onReload(kinds: string[], run: Listener['run']): void {
    this.listeners.push({ kinds: new Set(kinds), run });
  }

  /**
   * Reads every kind once. A required kind with neither a good file nor a saved good copy stops
   * the start with its file's own message (file, line, fix); an optional one starts unavailable.
   */
  async start(): Promise<void> {
    for (const entry of this.entries) await entry.refresh(true);
    const missing = this.entries.filter((entry) => entry.spec.required && !entry.available);
    if (missing.length > 0) throw missing[0]!.startError();
  }

  /** Looks at every kind now (the watcher calls this; so do tests and the knowledge loop after it writes a file). */
  checkNow(): Promise<string[]> {
    const run = this.queue.then(() => this.check());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** One kind's file in service, by its name ("program", "catalog"…). */
  get(kind: string): LiveDataFile<unknown> | undefined {
    return this.entries.find((entry) => entry.spec.kind === kind);
  }

  status(): DataFileStatus[] {
    return this.entries.map((entry) => entry.status());
  }

  /** The kinds not served from a good file right now: what /healthz and App Home warn about. */
  problems(): DataFileStatus[] {
    return this.status().filter((status) => status.state !== 'ok');
  }

  watch(options: WatchOptions = {}): void {
    if (this.watchers.length > 0 || this.poller) return;
    const debounceMs = options.debounceMs ?? 300;
    const schedule = () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.checkNow().catch(() => undefined), debounceMs);
      this.timer.unref();
    };
    for (const root of outermost(this.entries.map((entry) => entry.spec.root))) {
      try {
        const watcher = watch(root, { persistent: false, recursive: true }, schedule);
        watcher.on('error', (error) => this.options.logger.warn({ err: error }, 'watching staff data files failed; polling still runs'));
        this.watchers.push(watcher);
      } catch (error) {
        this.options.logger.warn({ err: error }, 'cannot watch a staff data folder; polling instead');
      }
    }
    this.poller = setInterval(() => void this.checkNow().catch(() => undefined), options.pollMs ?? 5_000);
    this.poller.unref();
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.poller) clearInterval(this.poller);
    for (const watcher of this.watchers) watcher.close();
    this.watchers = [];
    this.poller = undefined;
  }

  private async check(): Promise<string[]> {
    const changed: string[] = [];
    for (const entry of this.entries) if (await entry.refresh()) changed.push(entry.spec.kind);
    if (changed.length === 0) return changed;
    for (const listener of this.listeners) {
      const relevant = changed.filter((kind) => listener.kinds.has(kind));
      if (relevant.length === 0) continue;
      try {
        await listener.run(relevant);
      } catch (error) {
        // The consumer keeps what it had; the next change tries again.
        this.options.logger.warn({ err: error, kinds: relevant }, 'rebuilding from reloaded staff data failed; the previous build stays in use');
      }
    }
    return changed;
  }
}

/** Folders not inside another one in the list: one recursive watcher covers its subfolders. */
function outermost(roots: string[]): string[] {
  const unique = [...new Set(roots.map((root) => resolve(root)))].sort((a, b) => a.length - b.length);
  return unique.filter((root, index) => !unique.slice(0, index).some((outer) => root.startsWith(outer + sep)));
}
