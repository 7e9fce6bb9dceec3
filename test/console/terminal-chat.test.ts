import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The README promise: pipe a question into `npm start` and get an answer, with no configuration. */
describe('terminal chat (npm start with no Slack configuration)', () => {
  it('answers each piped line and exits 0 at end of input', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'itda-terminal-'));
    const { stdout, stderr } = await run('bash', ['-c', "printf '지원금은 얼마야?\\nWhen is the deadline?\\n' | npm start --silent"], {
      env: { ...process.env, DATABASE_PATH: join(directory, 'itda.db'), INDEX_DIR: join(directory, 'index'), ITDA_NOW: '2026-11-28', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '' },
      timeout: 60_000,
    });
    expect(stdout).toContain('5천만');
    expect(stdout).toMatch(/closed on 28 April 2025/);
    expect(stdout).toMatch(/출처|Sources/);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
  }, 60_000);
});
