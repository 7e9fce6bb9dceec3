import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { startItdaProcess, type ItdaProcess } from './itda-child-process.js';
import { copyOfBuiltIndex } from '../built-index.js';

/**
 * The server dies without warning (kill -9, an OOM kill, a host reboot) in the middle of a
 * founder's DM conversation, and comes back on the same database.
 */
describe('kill -9 mid-conversation, then restart on the same database', () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'itda-crash-')), 'itda.db');
  const indexDir = copyOfBuiltIndex();
  let slack: FakeSlackApi;
  let itda: ItdaProcess;
  let ts = 1_700_600_000;
  const dmEvent = (text: string) => {
    ts += 1;
    return { type: 'message', channel_type: 'im', user: 'UCRASH', channel: 'DCRASH', ts: `${ts}.000100`, text };
  };
  const dm = async (text: string, eventId?: string) => {
    const before = slack.callsTo('chat.postMessage').length;
    const ack = await itda.send.event(dmEvent(text), { eventId });
    expect(ack.status).toBe(200);
    await slack.waitFor('chat.postMessage', before + 1, 10_000);
    // A two-part answer's second message may follow the first by a few hundred ms under load.
    await slack.settled(400);
    return slack.callsTo('chat.postMessage').slice(before).map((call) => String(call.body.text)).join('\n');
  };
  const askedQuestion = dmEvent('지원금은 얼마까지 받을 수 있나요?');

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    itda = await startItdaProcess({ databasePath, slackApiUrl: slack.apiUrl, environment: { INDEX_DIR: indexDir }, startTimeoutMs: 60_000 });
  });
  afterAll(async () => {
    await itda?.stop();
    await slack?.close();
  });

  it('before the crash: a question is answered and a draft is two fields in', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    expect((await itda.send.event(askedQuestion, { eventId: 'EvCRASH-ANSWERED' })).status).toBe(200);
    const [answer] = (await slack.waitFor('chat.postMessage', before + 1)).slice(before);
    expect(String(answer!.body.text)).toContain('50,000,000');
    expect(await dm('신청서 작성할래요')).toContain('[1/21] 회사명');
    expect(await dm('크래시헬스')).toContain('[2/21] 소재지');
  });

  it('dies with kill -9 right after acknowledging the next message', async () => {
    const ack = await itda.send.event(dmEvent('마감 언제야?'), { eventId: 'EvCRASH-INFLIGHT' });
    expect(ack.status).toBe(200);
    await itda.crash();
    expect(await itda.exited).toMatchObject({ signal: 'SIGKILL' });
  });

  it('after the restart, the message in flight at the kill is answered (once), and a redelivered answered event is not', async () => {
    itda = await startItdaProcess({ databasePath, slackApiUrl: slack.apiUrl, environment: { INDEX_DIR: indexDir }, startTimeoutMs: 60_000 });
    await slack.waitForCall('chat.postMessage', (call) => String(call.body.text).includes('2025년 4월 28일 (2025-04-28)'), 40_000);
    await slack.settled(300);
    expect(slack.callsTo('chat.postMessage').filter((call) => String(call.body.text).includes('2025년 4월 28일 (2025-04-28)'))).toHaveLength(1);
    const before = slack.callsTo('chat.postMessage').length;
    const redelivered = await itda.send.event(askedQuestion, { eventId: 'EvCRASH-ANSWERED', retryNum: 1 });
    expect(redelivered.status).toBe(200);
    await slack.settled(400);
    expect(slack.callsTo('chat.postMessage').slice(before)).toHaveLength(0);
  }, 90_000);

  it('the draft resumes at the same step with the company name kept, and the conversation goes on', async () => {
    const status = await dm('상태');
    expect(status).toContain('크래시헬스');
    expect(status).toContain('[2/21] 소재지');
    expect(await dm('서울 강남구')).toContain('[3/21] 설립연도');
    expect(await dm('마감 언제야?')).toContain('2025년 4월 28일');
  });

  it('the database came through the crash intact', async () => {
    const storage = await openStorage(databasePath);
    const check = await storage.database.get<{ integrity_check: string }>('PRAGMA integrity_check');
    const draft = await storage.drafts.load('UCRASH');
    await storage.database.close();
    expect(check?.integrity_check).toBe('ok');
    expect(JSON.stringify(draft?.state)).toContain('크래시헬스');
  });
});
