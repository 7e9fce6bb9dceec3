import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** INDEX_DIR built once from knowledge/ before the test files run (test/prebuilt-runtime-setup.ts). */
    builtIndexDir: string;
    /** A file the setup writes once that build is over: "ok", or why it failed. */
    builtIndexOutcome: string;
  }
}

/**
 * A test's own INDEX_DIR, starting as a copy of the index built once from the shipped
 * knowledge/ and catalog: Itda then loads what it would otherwise build at every start (about
 * a second of CPU in a child process). Everything in it is keyed by content, so a test with
 * other knowledge files or another catalog still gets its own index, built for what differs.
 */
export function copyOfBuiltIndex(prefix = 'itda-test-index-'): string {
  waitForBuiltIndex();
  const directory = mkdtempSync(join(tmpdir(), prefix));
  linkTree(inject('builtIndexDir'), directory);
  return directory;
}

let ready = false;
const BUILD_TIMEOUT_MS = 120_000;

/** Blocks (it is called at import time, too) until the setup's build of the index is over. */
function waitForBuiltIndex(): void {
  if (ready) return;
  const outcome = inject('builtIndexOutcome');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!existsSync(outcome)) {
    if (Date.now() > deadline) throw new Error(`the shared test index was not built within ${BUILD_TIMEOUT_MS / 1000} s (test/prebuilt-runtime-setup.ts)`);
    Atomics.wait(pause, 0, 0, 25);
  }
  const result = readFileSync(outcome, 'utf8');
  if (result !== 'ok') throw new Error(result);
  ready = true;
}

/**
 * The files are hard links, not copies (copying the 120 files cost about 0.1 s of CPU at each of
 * some seventy starts). Sharing them is safe because Itda never writes into an index file: it
 * writes a new file aside and renames it over the old name (src/retrieval/atomic-file.ts, the
 * caches, the last good copies), which replaces this test's link and leaves the shared file as built.
 */
function linkTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(target);
      linkTree(source, target);
    } else {
      try {
        linkSync(source, target);
      } catch {
        cpSync(source, target); // another file system, or one without hard links
      }
    }
  }
}
