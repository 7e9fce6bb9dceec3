import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import { startTranscript } from '../conversation/itda-in-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

function cli(args: string[], databasePath: string) {
  return run(process.execPath, ['dist/cli/main.js', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_PATH: databasePath, LOG_LEVEL: 'silent' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

describe('npm run cli -- forget --user U123', () => {
  it('deletes one user’s conversations, answers and draft, keeps everyone else’s, and audits it', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'itda-forget-')), 'itda.db');
    const transcript = await startTranscript({}, databasePath);
    await transcript.say('UFORGET1', '지원금은 얼마인가요?');
    await transcript.say('UFORGET1', '신청서 작성할래요');
    await transcript.say('UFORGET1', '잊힐헬스');
    await transcript.say('UKEEP1', '마감 언제야?');
    await transcript.close();

    const result = await cli(['forget', '--user', 'UFORGET1'], databasePath);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Deleted for UFORGET1: 6 conversation turns, 1 answers and feedback records, their draft/);
    const storage = await openStorage(databasePath);
    const left = await storage.database.all<{ user_id: string }>('SELECT user_id FROM conversation_turns UNION ALL SELECT user_id FROM answers UNION ALL SELECT user_id FROM drafts');
    const [audit] = await storage.audit.recent(1);
    await storage.database.close();
    expect(new Set(left.map((row) => row.user_id))).toEqual(new Set(['UKEEP1']));
    expect(audit).toMatchObject({ actorId: 'cli', action: 'forget', detail: { userId: 'UFORGET1', draft: true } });
  }, 60_000);

  it('refuses a missing or malformed user id with exit code 2 and a hint', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'itda-forget-')), 'itda.db');
    expect(await cli(['forget'], databasePath)).toMatchObject({ code: 2, stderr: expect.stringContaining('missing --user') });
    expect(await cli(['forget', '--user', 'kim@example.com'], databasePath)).toMatchObject({ code: 2, stderr: expect.stringContaining('not a Slack user id') });
  }, 60_000);
});
