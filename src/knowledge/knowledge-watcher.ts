import { watch, type FSWatcher } from 'node:fs';

export interface KnowledgeWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time after the last change before reloading, so an editor's burst of writes is one reload. */
  debounceMs?: number;
  /** Fallback for file systems where fs.watch reports nothing (some network and container mounts). */
  pollMs?: number;
  onError?: (error: Error) => void;
}

/**
 * Calls `onChange` once the knowledge folder has been quiet for a moment after an edit. Uses
 * fs.watch, plus slow polling of modification times where watching is unreliable. Neither keeps
 * the process alive.
 */
export function watchKnowledge(
  knowledgeDir: string,
  onChange: () => Promise<void>,
  snapshot: () => Promise<string>,
  options: WatchOptions = {},
): KnowledgeWatcher {
  const debounceMs = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastSnapshot: string | undefined;
  let closed = false;

  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      // One reload at a time; a change during a reload schedules another after it.
      running = running.then(async () => {
        if (closed) return;
        lastSnapshot = await snapshot().catch(() => undefined);
        await onChange().catch((error: unknown) => options.onError?.(error as Error));
      });
    }, debounceMs);
    timer.unref();
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(knowledgeDir, { persistent: false }, (_event, fileName) => {
      if (!fileName || /\.(md|ya?ml)$/.test(String(fileName))) schedule();
    });
    watcher.on('error', (error) => options.onError?.(error));
  } catch (error) {
    options.onError?.(error as Error);
  }

  void snapshot().then((value) => (lastSnapshot = value), () => undefined);
  const poller = setInterval(() => {
    void snapshot().then((value) => {
      if (lastSnapshot !== undefined && value !== lastSnapshot) {
        lastSnapshot = value;
        schedule();
      }
    }, () => undefined);
  }, options.pollMs ?? 5_000);
  poller.unref();

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      clearInterval(poller);
      watcher?.close();
    },
  };
}
