import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
 *   starts from its own copy of it (test/built-index.ts) instead of building it again. It is built
 *   while the first test files load (a few seconds on one core the other would spend idle);
 *   the first copy waits until it is done, and a failed build fails that test with its output.
 */
export default function setup(project: TestProject): () => Promise<void> {
  run([fileURLToPath(new URL('../src/prebuilt-runtime.mjs', import.meta.url))], 'building dist/ for the child-process tests');
  const parent = mkdtempSync(join(tmpdir(), 'itda-built-index-'));
  const indexDir = join(parent, 'index');
  const outcome = join(parent, 'outcome');
  const build = spawn(process.execPath, [fileURLToPath(new URL('./build-index.mjs', import.meta.url)), indexDir], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
  let errors = '';
  build.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
    process.stderr.write(chunk);
  });
  // Written aside and renamed: a test waiting for it reads the whole outcome or none.
  const settle = (text: string) => {
    writeFileSync(`${outcome}.tmp`, text);
    renameSync(`${outcome}.tmp`, outcome);
  };
  const built = new Promise<void>((resolve) => {
    build.once('error', (error) => resolve(settle(`building the shared test index failed: ${error.message}`)));
    build.once('close', (code, signal) => resolve(settle(code === 0 ? 'ok' : `building the shared test index failed (${signal ?? `exit ${code}`}):\n${errors}`)));
  });
  project.provide('builtIndexDir', indexDir);
  project.provide('builtIndexOutcome', outcome);
  return async () => {
    build.kill();
    await built;
    rmSync(parent, { recursive: true, force: true });
  };
}

function run(args: string[], what: string): void {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (see above)`);
}
