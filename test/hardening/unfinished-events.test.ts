import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import { startItdaOverHttp, type ItdaOverHttp } from '../slack/start-itda-over-http.js';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const dmEnvelope = (eventId: string, user: string, text: string) => ({
  token: 'legacy', team_id: 'T0TEST', api_app_id: 'A0ITDA', type: 'event_callback', event_id: eventId, event_time: 1_700_000_000,
  event: { type: 'message', channel_type: 'im', user, channel: `D${user.slice(1)}`, ts: '1700000000.000100', text },
});

/** What the next start finds in the inbox after a crash, and what the founders then see. */
describe('answering what a crash left in the inbox', () => {
  let itda: ItdaOverHttp | undefined;
  afterEach(async () => {
    await itda?.stop();
    itda = undefined;
  });

  it('a question stored five minutes ago is answered on start, with a short apology for the delay', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'itda-unfinished-')), 'itda.db');
    const storage = await openStorage(databasePath);
    await storage.inbox.accept('EvLATE', dmEnvelope('EvLATE', 'ULATE', '지원금은 얼마야?'), minutesAgo(5));
    await storage.inbox.accept('EvFRESH', dmEnvelope('EvFRESH', 'UFRESH', 'When is the deadline?'), minutesAgo(0.2));
    await storage.database.close();

    itda = await startItdaOverHttp({}, databasePath);
    expect(await itda.running.recovered).toEqual({ answered: 2, redelivered: 0 });
    const late = itda.slack.callsTo('chat.postMessage').find((call) => call.body.channel === 'DLATE');
    expect(String(late?.body.text)).toMatch(/^_늦어서 죄송합니다\..*_\n\n.*5천만/s);
    const fresh = itda.slack.callsTo('chat.postMessage').find((call) => call.body.channel === 'DFRESH');
    expect(String(fresh?.body.text)).not.toContain('Sorry for the delay');
    expect(await itda.running.storage.inbox.unfinished()).toEqual([]);
  });

  it('replies computed but not delivered are posted from the outbox, the one already delivered is not repeated, and nothing is answered twice', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'itda-unfinished-')), 'itda.db');
    const storage = await openStorage(databasePath);
    await storage.inbox.accept('EvHALF', dmEnvelope('EvHALF', 'UHALF', '신청서 작성할래요'), minutesAgo(0.5));
    await storage.inbox.recordOutbox('EvHALF', [
      { destination: { channel: 'DHALF' }, language: 'ko', delivered: 1, replies: [{ text: 'first, already in Slack' }, { text: 'second, still owed' }] },
    ]);
    await storage.database.close();

    itda = await startItdaOverHttp({}, databasePath);
    expect(await itda.running.recovered).toEqual({ answered: 0, redelivered: 1 });
    expect(itda.slack.callsTo('chat.postMessage').map((call) => [call.body.channel, call.body.text])).toEqual([['DHALF', 'second, still owed']]);
    // The engine never saw the message a second time: no draft was started again.
    expect(await itda.running.storage.drafts.load('UHALF')).toBeUndefined();
  });
});
