// `npm start` and `npm run cli` run the compiled JavaScript in dist/ (tsc, src/tsconfig.build.json):
// no TypeScript hooks at run time. `npm install` / `npm ci` build it (the "prepare" script);
// here it is rebuilt first only when a source file is newer than the last build, so an edited
// checkout never runs stale code. Plain JavaScript, so it needs nothing compiled to run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.tsbuildinfo');

function newestSource(directory) {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureBuilt() {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const sources = Math.max(newestSource(join(root, 'src')), statSync(join(root, 'tsconfig.json')).mtimeMs, statSync(join(root, 'src', 'tsconfig.build.json')).mtimeMs);
  if (built >= sources) return;
  process.stderr.write('Building Itda into dist/ (first start, or a source changed since the last build)…\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'src', 'tsconfig.build.json')], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write('Itda could not be built: fix the TypeScript errors above (npx tsc --noEmit -p .) and start again.\n');
    process.exit(1);
  }
  // tsc leaves its build info alone when nothing needed emitting; mark this check as done.
  if (existsSync(stamp)) utimesSync(stamp, new Date(), new Date());
}

// `node src/prebuilt-runtime.mjs <entry>` runs dist/<entry>.js; with no entry it only builds (tests' global setup).
const entry = process.argv[2];
ensureBuilt();
if (entry) {
  // The entry point sees the arguments after its own name, as if run directly.
  process.argv.splice(1, 2, join(root, 'dist', `${entry}.js`));
  await import(pathToFileURL(join(root, 'dist', `${entry}.js`)).href);
}
