import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Tests that start Itda as a child process run the prebuilt JavaScript in dist/, as
 * `npm start` does; this builds it once, before any test file, if a source is newer.
 */
export default function buildPrebuiltRuntime(): void {
  const launcher = fileURLToPath(new URL('../src/prebuilt-runtime.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [launcher], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building dist/ for the child-process tests failed (see above)');
}
