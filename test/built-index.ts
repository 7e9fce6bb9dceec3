import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** INDEX_DIR built once from knowledge/ before the test files run (test/prebuilt-runtime-setup.ts). */
    builtIndexDir: string;
  }
}

/**
 * A test's own INDEX_DIR, starting as a copy of the index built once from the shipped
 * knowledge/ and catalog: Itda then loads what it would otherwise build at every start (about
 * a second of CPU in a child process). Everything in it is keyed by content, so a test with
 * other knowledge files or another catalog still gets its own index, built for what differs.
 */
export function copyOfBuiltIndex(prefix = 'itda-test-index-'): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  cpSync(inject('builtIndexDir'), directory, { recursive: true });
  return directory;
}
