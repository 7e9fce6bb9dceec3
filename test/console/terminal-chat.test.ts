import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { copyOfBuiltIndex } from '../built-index.js';

const run = promisify(execFile);

/**
 * Node's own resolve hook, loaded into the process `npm start` runs: it says it is installed,
 * then names every @slack/* module the process loads (the terminal must load none of them).
 */
const SLACK_WATCH = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
process.stderr.write('SLACK-WATCH installed\\n');
register('data:text/javascript,' + encodeURIComponent('export async function resolve(specifier, context, next) { const resolved = await next(specifier, context); if (resolved.url.includes("/@slack/")) process.stderr.write("SLACK-LOADED " + resolved.url + "\\\\n"); return resolved; }'));`,
)}`;

/** The README promise: pipe a question into `npm start` and get an answer, with no configuration. */
describe('terminal chat (npm start with no Slack configuration)', () => {
  it('answers each piped line and exits 0 at end of input, without loading Bolt', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'itda-terminal-'));
    const { stdout, stderr } = await run('bash', ['-c', "printf '지원금은 얼마야?\\nWhen is the deadline?\\n' | npm start --silent"], {
      env: {
        ...process.env,
        DATABASE_PATH: join(directory, 'itda.db'),
        INDEX_DIR: copyOfBuiltIndex(),
        ITDA_NOW: '2026-11-28',
        SLACK_BOT_TOKEN: '',
        SLACK_APP_TOKEN: '',
        SLACK_SIGNING_SECRET: '',
        NODE_OPTIONS: `--import ${SLACK_WATCH}`,
      },
      timeout: 60_000,
    });
    expect(stdout).toContain('5천만');
    expect(stdout).toMatch(/closed on 28 April 2025/);
    expect(stdout).toMatch(/출처|Sources/);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).toContain('SLACK-WATCH installed');
    expect(stderr).not.toContain('SLACK-LOADED');
  }, 60_000);
});
