import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import { startFakeSlackApi } from '../fakes/fake-slack-api.js';
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

  it('a reply Slack received just before the kill, though the outbox never heard back, is found by its metadata and not posted again', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'itda-unfinished-')), 'itda.db');
    const storage = await openStorage(databasePath);
    await storage.inbox.accept('EvKILLED', dmEnvelope('EvKILLED', 'UKILLED', '마감이 언제예요?'), minutesAgo(0.5));
    await storage.inbox.recordOutbox('EvKILLED', [
      { destination: { channel: 'DKILLED' }, language: 'ko', delivered: 0, replies: [{ text: 'the answer, posted at the instant of the kill' }, { text: 'the second reply, never posted' }] },
    ]);
    await storage.database.close();
    // What the dying process had sent: Slack has it, tagged with the event and the reply's place in its outbox.
    const slack = await startFakeSlackApi();
    await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'DKILLED', text: 'the answer, posted at the instant of the kill', metadata: { event_type: 'itda_reply', event_payload: { inbox_id: 'EvKILLED', reply: '0.0' } } }),
    });

    itda = await startItdaOverHttp({}, databasePath, slack);
    expect(await itda.running.recovered).toEqual({ answered: 0, redelivered: 1 });
    expect(itda.slack.callsTo('conversations.history').map((call) => call.body.channel)).toEqual(['DKILLED']);
    expect(itda.slack.callsTo('chat.postMessage').map((call) => call.body.text)).toEqual(['the answer, posted at the instant of the kill', 'the second reply, never posted']);
    const owed = itda.slack.callsTo('chat.postMessage')[1]!;
    expect(owed.body.metadata).toEqual({ event_type: 'itda_reply', event_payload: { inbox_id: 'EvKILLED', reply: '0.1' } });
    expect(await itda.running.storage.inbox.unfinished()).toEqual([]);
  });

  it('the stored copy is redacted as the engine sees it, before the ack: no phone number, no blocks', async () => {
    itda = await startItdaOverHttp();
    // Slack refuses the answer and the apology: the event stays in the inbox, as after a crash.
    itda.slack.failNext('chat.postMessage', 'internal_error', 2);
    const ack = await itda.send.event(
      { type: 'message', channel_type: 'im', user: 'UPHONE', channel: 'DPHONE', ts: '1700000100.000100', text: '제 번호는 010-1234-5678 이에요. 마감이 언제예요?', blocks: [{ type: 'rich_text', elements: [{ type: 'text', text: '010-1234-5678' }] }] },
      { eventId: 'EvPHONE' },
    );
    expect(ack.status).toBe(200);
    await itda.slack.waitFor('chat.postMessage', 2);
    await itda.slack.settled(100);
    const [stored] = await itda.running.storage.inbox.unfinished();
    expect(stored?.eventId).toBe('EvPHONE');
    const everything = JSON.stringify(stored);
    expect(everything).not.toContain('1234-5678');
    expect(everything).toContain('마감이 언제예요?');
    expect((stored!.body.event as Record<string, unknown>).blocks).toBeUndefined();
  });
});
