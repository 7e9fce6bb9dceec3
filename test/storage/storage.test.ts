import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';

const temporaryDatabase = () => join(mkdtempSync(join(tmpdir(), 'itda-storage-')), 'nested', 'itda.db');

describe('SQLite storage', () => {
  it('creates the database and its folder on first start, in WAL mode, with every migration applied', async () => {
    const storage = await openStorage(temporaryDatabase());
    expect(await storage.database.schemaVersion()).toBe(MIGRATIONS.length);
    const mode = await storage.database.get<{ journal_mode: string }>('PRAGMA journal_mode');
    expect(mode?.journal_mode).toBe('wal');
    await storage.database.close();
  });

  it('remembers processed event ids across a restart', async () => {
    const path = temporaryDatabase();
    const first = await openStorage(path);
    expect(await first.inbox.accept('Ev1', {})).toBe(true);
    expect(await first.inbox.accept('Ev1', {})).toBe(false);
    await first.database.close();
    const second = await openStorage(path);
    expect(await second.inbox.accept('Ev1', {})).toBe(false);
    expect(await second.database.schemaVersion()).toBe(MIGRATIONS.length);
    await second.database.close();
  });

  it('keeps one draft per user and lists submitted ones newest first', async () => {
    const storage = await openStorage(temporaryDatabase());
    await storage.drafts.save({ userId: 'U1', state: { step: 2 }, status: 'in_progress', updatedAt: '2026-11-01T00:00:00Z' });
    await storage.drafts.save({ userId: 'U1', state: { step: 3 }, status: 'submitted', updatedAt: '2026-11-02T00:00:00Z', submittedAt: '2026-11-02T00:00:00Z' });
    await storage.drafts.save({ userId: 'U2', state: {}, status: 'submitted', updatedAt: '2026-11-03T00:00:00Z', submittedAt: '2026-11-03T00:00:00Z' });
    expect((await storage.drafts.load('U1'))?.state).toEqual({ step: 3 });
    expect((await storage.drafts.listSubmitted(10)).map((draft) => draft.userId)).toEqual(['U2', 'U1']);
    await storage.database.close();
  });

  it('a stored draft that is not even JSON loads with its text kept, never thrown', async () => {
    const storage = await openStorage(temporaryDatabase());
    await storage.database.run("INSERT INTO drafts (user_id, state_json, status, updated_at) VALUES ('U9', '{broken', 'in_progress', '2026-11-01T00:00:00Z')");
    expect((await storage.drafts.load('U9'))?.state).toEqual({ unparsedStateJson: '{broken' });
    await storage.database.close();
  });

  it('stores a vote as a reference to the answer, copying neither question nor answer', async () => {
    const storage = await openStorage(temporaryDatabase());
    const sources = [{ source: 'knowledge/funding.md', title: '지원금', section: '지원 한도' }];
    await storage.feedback.recordAnswer({ answerId: 'A1', userId: 'U1', question: '지원금?', answer: '최대 5천만 원', sources, createdAt: '2026-11-28T00:00:00Z' });
    expect(await storage.feedback.recordVote('A1', 'U2', 'down', new Date())).toBe(true);
    expect(await storage.feedback.recordVote('missing', 'U1', 'up', new Date())).toBe(false);
    const vote = await storage.database.get<Record<string, unknown>>('SELECT * FROM feedback');
    expect(Object.keys(vote!).sort()).toEqual(['answer_id', 'created_at', 'id', 'user_id', 'vote']);
    const joined = await storage.database.get<{ question: string; sources_json: string }>('SELECT question, sources_json FROM feedback JOIN answers USING (answer_id)');
    expect(joined?.question).toBe('지원금?');
    expect(JSON.parse(joined!.sources_json)).toEqual(sources);
    await storage.database.close();
  });

  it("forgetting the asker removes their answer and another user's 👎 on it; the voter's own answers stay", async () => {
    const storage = await openStorage(temporaryDatabase());
    const at = new Date().toISOString();
    await storage.feedback.recordAnswer({ answerId: 'ASKER', userId: 'UASKER', question: '제 주소로 보내 주세요', answer: 'a', sources: [], createdAt: at });
    await storage.feedback.recordAnswer({ answerId: 'VOTER', userId: 'UVOTER', question: 'voter question', answer: 'b', sources: [], createdAt: at });
    await storage.feedback.recordVote('ASKER', 'UVOTER', 'down', new Date());
    await storage.feedback.recordVote('VOTER', 'UASKER', 'up', new Date());
    await storage.feedback.deleteForUser('UASKER');
    const everything = JSON.stringify(await storage.database.all('SELECT * FROM answers')) + JSON.stringify(await storage.database.all('SELECT * FROM feedback'));
    expect(everything).not.toContain('제 주소로');
    expect(everything).not.toContain('UASKER');
    expect(everything).toContain('voter question');
    await storage.database.close();
  });

  it('a full database is reported as such, and the next write that works clears it', async () => {
    const storage = await openStorage(temporaryDatabase());
    const { database } = storage;
    await database.exec('CREATE TABLE ballast (bytes BLOB)');
    const { page_count: pages } = (await database.get<{ page_count: number }>('PRAGMA page_count'))!;
    // SQLite's size cap stands in for the disk: it fails with the same SQLITE_FULL.
    await database.exec(`PRAGMA max_page_count = ${pages + 1}`);
    let full = false;
    for (let written = 0; written < 10_000 && !full; written += 1) full = await database.run('INSERT INTO ballast VALUES (randomblob(512))').then(() => false, () => true);
    expect(full).toBe(true);
    expect(database.writeProblem).toMatchObject({ code: 'SQLITE_FULL', reason: 'the disk (or the database) is full' });
    await database.exec('PRAGMA max_page_count = 1073741823');
    await database.probeWrite();
    expect(database.writeProblem).toBeUndefined();
    await database.close();
  });

  it('a database that cannot be written stops the start with the reason and the fix', async () => {
    const path = temporaryDatabase();
    await (await openStorage(path)).database.close();
    // Root ignores file modes, so the write-ahead log is blocked by a folder in its place.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(`${path}-wal`);
    await expect(openStorage(path)).rejects.toThrow(/cannot be written: .*Fix: free disk space or make the file and its folder writable by Itda \(DATABASE_PATH\)/);
  });
});

describe('retention', () => {
  it('deletes turns, answers and feedback older than the retention period, and keeps newer ones', async () => {
    const { applyRetention } = await import('../../src/app/retention.js');
    const { silentLogger } = await import('../../src/observability/logger.js');
    const storage = await openStorage(temporaryDatabase());
    const old = '2026-01-01T00:00:00.000Z';
    const recent = '2026-11-27T00:00:00.000Z';
    for (const [id, at] of [['old', old], ['new', recent]] as const) {
      await storage.history.append({ conversationId: `C-${id}`, userId: 'U1', role: 'user', text: id, createdAt: at });
      await storage.feedback.recordAnswer({ answerId: id, userId: 'U1', question: 'q', answer: 'a', sources: [], createdAt: at });
    }
    await applyRetention(storage, 90, new Date('2026-11-28T00:00:00Z'), silentLogger);
    expect(await storage.history.hasConversation('C-old')).toBe(false);
    expect(await storage.history.hasConversation('C-new')).toBe(true);
    const answers = await storage.database.all<{ answer_id: string }>('SELECT answer_id FROM answers');
    expect(answers.map((row) => row.answer_id)).toEqual(['new']);
    await storage.database.close();
  });

  it('a message left unanswered in the durable inbox longer than the retention period loses its text and replies; a recent one stays to be answered', async () => {
    const { applyRetention } = await import('../../src/app/retention.js');
    const { silentLogger } = await import('../../src/observability/logger.js');
    const storage = await openStorage(temporaryDatabase());
    const dm = (user: string) => ({ event: { type: 'message', channel_type: 'im', user, channel: `D${user}`, text: '지원금은 얼마인가요?' } });
    await storage.inbox.accept('EvOLD', dm('UOLD'), new Date('2026-01-01T00:00:00Z'));
    await storage.inbox.recordOutbox('EvOLD', [{ destination: { channel: 'DUOLD' }, language: 'ko', delivered: 0, replies: [{ text: '최대 5천만 원' }] }]);
    await storage.inbox.accept('EvRECENT', dm('URECENT'), new Date('2026-11-27T23:00:00Z'));
    await applyRetention(storage, 90, new Date('2026-11-28T00:00:00Z'), silentLogger);
    expect((await storage.inbox.unfinished()).map((event) => event.eventId)).toEqual(['EvRECENT']);
    // Older than the week event ids are kept for, so the row is gone entirely.
    expect(await storage.database.get("SELECT event_id FROM inbox_events WHERE event_id = 'EvOLD'")).toBeUndefined();
    await storage.database.close();
  });
});
