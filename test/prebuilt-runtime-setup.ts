import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs once, before any test file:
 * - Tests that start Itda as a child process run the prebuilt JavaScript in dist/, as
 *   `npm start` does; it is rebuilt here if a source is newer than the last build.
 * - The index of knowledge/ (vectors, graph, postings, the trained route classifier, the parsed
 *   YAML and the hospital catalog's index) is built once into a temporary INDEX_DIR; each test
 *   starts from its own copy of it (test/built-index.ts) instead of building it again.
 */
export default function setup(project: TestProject): () => void {
  run([fileURLToPath(new URL('../src/prebuilt-runtime.mjs', import.meta.url))], 'building dist/ for the child-process tests');
  const indexDir = mkdtempSync(join(tmpdir(), 'itda-built-index-'));
  run([fileURLToPath(new URL('./build-index.mjs', import.meta.url)), indexDir], 'building the shared test index');
  project.provide('builtIndexDir', indexDir);
  return () => rmSync(indexDir, { recursive: true, force: true });
}

function run(args: string[], what: string): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (see above)`);
}
