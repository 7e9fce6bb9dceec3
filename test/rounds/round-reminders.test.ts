import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StaffAccess } from '../../src/access/staff-access.js';
import type { Reply } from '../../src/ports/reply.js';
import { silentLogger } from '../../src/observability/logger.js';
import { loadProgramFacts } from '../../src/program/program-facts.js';
import { createRounds } from '../../src/rounds/create-rounds.js';
import { openStorage, type Storage } from '../../src/storage/open-storage.js';
import { callDocx } from './call-documents.js';

const STAFF = 'USTAFF';
const DRAFTING = 'UDRAFTING';
const SUBSCRIBER = 'USUBSCRIBER';
const LEFT = 'ULEFT';

/**
 * Reminders 7 days and 1 day before the 2026 deadline for founders with a draft in progress:
 * each sent once, across ticks and restarts; unsubscribe and forget stop them.
 */
describe('round news: announcements and deadline reminders', () => {
  const folder = mkdtempSync(join(tmpdir(), 'itda-reminders-'));
  const knowledgeDir = join(folder, 'knowledge');
  const databasePath = join(folder, 'itda.db');
  let today = '2026-03-02';
  const sent: { userId: string; text: string; buttons: string[] }[] = [];

  /** The app as it starts: a fresh process over the same database file. */
  const start = async (): Promise<{ storage: Storage; rounds: ReturnType<typeof createRounds>; stop: () => Promise<void> }> => {
    const storage = await openStorage(databasePath);
    const rounds = createRounds({
      database: storage.database,
      audit: storage.audit,
      staff: new StaffAccess([STAFF]),
      knowledgeDir,
      programFacts: () => loadProgramFacts(knowledgeDir),
      now: () => new Date(`${today}T09:00:00+09:00`),
      deliver: async (userId: string, reply: Reply) => {
        sent.push({ userId, text: reply.text, buttons: (reply.buttons ?? []).map((button) => button.actionId) });
      },
      logger: silentLogger,
    });
    return { storage, rounds, stop: async () => { await rounds.news.stop(); await storage.database.close(); } };
  };
  const draftInProgress = (storage: Storage, userId: string) =>
    storage.drafts.save({ userId, state: { answers: {} }, status: 'in_progress', updatedAt: `${today}T00:00:00Z` });

  beforeAll(async () => {
    cpSync('knowledge', knowledgeDir, { recursive: true });
    const app = await start();
    await app.rounds.desk.subscribe(SUBSCRIBER, 'ko');
    await app.rounds.desk.subscribe(LEFT, 'en');
    await draftInProgress(app.storage, DRAFTING);
    await draftInProgress(app.storage, LEFT);
    const [review] = await app.rounds.desk.ingest(STAFF, 'call-2026.docx', await callDocx(), 'ko');
    const approve = review!.buttons!.find((button) => button.actionId === 'round_approve')!;
    await app.rounds.desk.action(STAFF, 'round_approve', approve.value, 'ko');
    await app.rounds.news.tick();
    await app.stop();
  });

  it('tells each subscriber once about the approved round', () => {
    expect(sent.map((message) => message.userId).sort()).toEqual([LEFT, SUBSCRIBER]);
    expect(sent.find((message) => message.userId === LEFT)!.text).toContain('*A new call is out: 2026 joint research call*');
    expect(sent.every((message) => message.buttons.includes('round_unsubscribe'))).toBe(true);
  });

  it('reminds drafters 7 days before the deadline, once, even across ticks and a restart', async () => {
    sent.length = 0;
    today = '2026-03-20';
    let app = await start();
    await app.rounds.news.tick();
    await app.rounds.news.tick();
    await app.stop();
    app = await start();
    await app.rounds.news.tick();
    expect(sent.map((message) => message.userId).sort()).toEqual([DRAFTING, LEFT]);
    expect(sent.find((message) => message.userId === DRAFTING)!.text).toContain('*2026년 공동연구 프로젝트 마감 D-7* — 작성 중인 연구계획서 초안이 있습니다.');
    expect(sent.find((message) => message.userId === DRAFTING)!.buttons).toEqual(['round_start_draft', 'round_unsubscribe']);
    await app.stop();
  });

  it('stops for a founder who unsubscribes, and for one who asks to be forgotten', async () => {
    sent.length = 0;
    const app = await start();
    const [unsubscribed] = await app.rounds.desk.action(LEFT, 'round_unsubscribe', '', 'en');
    expect(unsubscribed!.text).toContain('No more round news or deadline reminders');
    await app.rounds.desk.forgetUser(DRAFTING);
    await app.storage.drafts.delete(DRAFTING);
    today = '2026-03-26';
    await app.rounds.news.tick();
    expect(sent).toEqual([]);
    await app.stop();
  });

  it('reminds a drafter 1 day before, and never after the deadline', async () => {
    sent.length = 0;
    let app = await start();
    await draftInProgress(app.storage, 'ULATE');
    await app.rounds.news.tick();
    expect(sent.map((message) => [message.userId, message.text.split('\n')[0]])).toEqual([['ULATE', '*2026년 공동연구 프로젝트 마감 D-1* — 작성 중인 연구계획서 초안이 있습니다.']]);
    await app.stop();
    today = '2026-03-28';
    app = await start();
    await draftInProgress(app.storage, 'UAFTER');
    await app.rounds.news.tick();
    expect(sent).toHaveLength(1);
    await app.stop();
  });

});
