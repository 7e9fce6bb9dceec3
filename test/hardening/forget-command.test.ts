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
    // What a crash left in Slack's durable inbox: a question never answered, an answer never delivered.
    const seeded = await openStorage(databasePath);
    const dm = (eventId: string, user: string, text: string) => ({ event_id: eventId, event: { type: 'message', channel_type: 'im', user, channel: `D${user}`, text } });
    await seeded.inbox.accept('EvFORGET1', dm('EvFORGET1', 'UFORGET1', '내 번호는 010-1234-5678'));
    await seeded.inbox.accept('EvFORGET2', dm('EvFORGET2', 'UFORGET1', '마감은?'));
    await seeded.inbox.recordOutbox('EvFORGET2', [{ destination: { channel: 'DUFORGET1' }, language: 'ko', delivered: 0, replies: [{ text: '마감은 12월 5일입니다' }] }]);
    await seeded.inbox.accept('EvKEEP1', dm('EvKEEP1', 'UKEEP1', '지원 대상은?'));
    await seeded.database.close();

    const result = await cli(['forget', '--user', 'UFORGET1'], databasePath);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Deleted for UFORGET1: 6 conversation turns, 1 answers and feedback records, their draft, .* 2 messages not yet answered or delivered/);
    const storage = await openStorage(databasePath);
    expect((await storage.inbox.unfinished()).map((event) => event.eventId)).toEqual(['EvKEEP1']);
    const inboxText = await storage.database.all<{ body_json: string; outbox_json: string | null }>("SELECT body_json, outbox_json FROM inbox_events WHERE event_id LIKE 'EvFORGET%'");
    expect(inboxText).toEqual([{ body_json: '{}', outbox_json: null }, { body_json: '{}', outbox_json: null }]);
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

describe('/itda forget and the durable inbox', () => {
  it('a confirmed forget also clears that user’s messages still waiting in the inbox, and no one else’s', async () => {
    const transcript = await startTranscript();
    const { inbox } = transcript.running.storage;
    const dm = (eventId: string, user: string) => ({ event_id: eventId, event: { type: 'message', channel_type: 'im', user, channel: `D${user}`, text: '제 이메일은 kim@example.com 이에요' } });
    await inbox.accept('EvMINE', dm('EvMINE', 'UFORGET2'));
    await inbox.accept('EvTHEIRS', dm('EvTHEIRS', 'UKEEP2'));

    expect(await transcript.press('UFORGET2', 'forget_confirm', 'confirm')).toContain('삭제했습니다');

    expect((await inbox.unfinished()).map((event) => event.eventId)).toEqual(['EvTHEIRS']);
    // An answer finished after the forget is not stored back into the cleared row.
    await inbox.recordOutbox('EvMINE', [{ destination: { channel: 'DUFORGET2' }, language: 'ko', delivered: 0, replies: [{ text: 'late answer' }] }]);
    expect((await inbox.unfinished()).map((event) => event.eventId)).toEqual(['EvTHEIRS']);
    const [audit] = await transcript.running.storage.audit.recent(1);
    expect(audit).toMatchObject({ action: 'forget', detail: { unanswered: 1 } });
    await transcript.close();
  });
});
