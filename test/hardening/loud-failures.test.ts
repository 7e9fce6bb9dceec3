import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';
import { KOREAN_ANSWERS } from '../pre-application/transcript.js';
import { startItdaOverHttp, type ItdaOverHttp } from '../slack/start-itda-over-http.js';

/** Failures a user and an operator can see: nothing fails silently, nothing needs a restart. */
describe('the database stops taking writes (read-only file, full disk)', () => {
  let itda: ItdaOverHttp;
  let ts = 1_700_960_000;
  const dm = async (text: string) => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    ts += 1;
    await itda.send.event({ type: 'message', channel_type: 'im', user: 'UDISK', channel: 'DDISK', ts: `${ts}.000100`, text });
    await itda.slack.waitFor('chat.postMessage', before + 1);
    await itda.slack.settled(100);
    return itda.slack.callsTo('chat.postMessage').slice(before).map((call) => String(call.body.text)).join('\n');
  };
  const health = async () => {
    const response = await fetch(itda.url.replace('/slack/events', '/healthz'));
    return { status: response.status, body: (await response.json()) as { ok: boolean; database: { writable: boolean; reason?: string } } };
  };

  beforeAll(async () => {
    itda = await startItdaOverHttp();
  });
  afterAll(() => itda.stop());

  it('answers with an apology and a reference id, and /healthz turns 503 naming the reason', async () => {
    // query_only fails every write exactly as a read-only file does (SQLITE_READONLY), without touching the machine.
    await itda.running.storage.database.exec('PRAGMA query_only = 1');
    expect(await dm('지원금은 얼마야?')).toMatch(/죄송합니다.*참조 번호: [0-9a-f]{8}/);
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.database).toMatchObject({ writable: false, reason: 'the database file is read-only' });
  });

  it('recovers on its own once there is room again: /healthz 200 and the next message answered', async () => {
    await itda.running.storage.database.exec('PRAGMA query_only = 0');
    expect((await health()).status).toBe(200);
    expect(await dm('지원금은 얼마야?')).toContain('5천만');
  });
});

describe('the disk fills up while Itda is running', () => {
  let itda: ItdaOverHttp;
  let ts = 1_700_970_000;
  const dm = async (text: string) => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    ts += 1;
    const ack = await itda.send.event({ type: 'message', channel_type: 'im', user: 'UFULL', channel: 'DFULL', ts: `${ts}.000100`, text });
    await itda.slack.waitFor('chat.postMessage', before + 1);
    await itda.slack.settled(100);
    return { ack: ack.status, text: itda.slack.callsTo('chat.postMessage').slice(before).map((call) => String(call.body.text)).join('\n') };
  };
  const health = async () => {
    const response = await fetch(itda.url.replace('/slack/events', '/healthz'));
    return { status: response.status, body: (await response.json()) as { ok: boolean; database: { writable: boolean; reason?: string } } };
  };

  beforeAll(async () => {
    itda = await startItdaOverHttp();
    expect((await dm('마감이 언제예요?')).text).toMatch(/마감/);
  });
  afterAll(() => itda.stop());

  it('a message that needs room answers with an apology and a reference id, and /healthz turns 503: the disk is full', async () => {
    const { database } = itda.running.storage;
    // SQLite's size cap stands in for the disk: the file may not grow by one page, and every
    // write that needs one fails with SQLITE_FULL, as on a full disk. Free pages are used up first.
    await database.exec('CREATE TABLE IF NOT EXISTS ballast (bytes BLOB)');
    const { page_count: pages } = (await database.get<{ page_count: number }>('PRAGMA page_count'))!;
    await database.exec(`PRAGMA max_page_count = ${pages}`);
    for (let written = 0; written < 10_000; written += 1) if (await database.run('INSERT INTO ballast VALUES (randomblob(512))').then(() => false, () => true)) break;
    const reply = await dm(`지원금은 얼마야? ${'연구 장비와 인건비에 대해 자세히 알려 주세요. '.repeat(60)}`);
    expect(reply.ack).toBe(200);
    expect(reply.text).toMatch(/죄송합니다.*참조 번호: [0-9a-f]{8}/);
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.database).toMatchObject({ writable: false, reason: 'the disk (or the database) is full' });
  });

  it('room made again (the ballast deleted), /healthz is 200 and the next message is answered, with no restart', async () => {
    const { database } = itda.running.storage;
    await database.exec('PRAGMA max_page_count = 1073741823');
    await database.exec('DROP TABLE ballast');
    expect((await health()).status).toBe(200);
    expect((await dm('지원금은 얼마야?')).text).toContain('5천만');
  });
});

describe('the staff channel refuses the submission notice (bot not invited)', () => {
  let itda: ItdaOverHttp;
  let ts = 1_700_970_000;
  const dm = async (text: string) => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    ts += 1;
    await itda.send.event({ type: 'message', channel_type: 'im', user: 'USUBMIT', channel: 'DSUBMIT', ts: `${ts}.000100`, text });
    await itda.slack.waitFor('chat.postMessage', before + 1);
    await itda.slack.settled(100);
  };
  const pressSubmit = async () => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    ts += 1;
    await itda.send.action({
      type: 'block_actions', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'legacy', trigger_id: `tr-${ts}`, user: { id: 'USUBMIT' },
      channel: { id: 'DSUBMIT' }, message: { ts: `${ts}.000200` }, container: { type: 'message', is_ephemeral: false },
      response_url: itda.slack.responseUrl(`submit-${ts}`), actions: [{ type: 'button', action_id: 'preapp_submit', value: 'submit', block_id: 'b', action_ts: '1' }],
    });
    const answeredHere = (call: { method: string; body: Record<string, unknown> }) =>
      (call.method === 'chat.postMessage' && call.body.channel === 'DSUBMIT') || (call.method === 'response_url' && call.body.id === `submit-${ts}`);
    const callsBefore = itda.slack.calls.length;
    while (!itda.slack.calls.slice(callsBefore).some(answeredHere)) await new Promise((resolve) => setTimeout(resolve, 20));
    await itda.slack.settled(100);
    // What the founder reads: DM posts, and the ephemeral reply to the press (its response_url).
    return itda.slack.calls.slice(callsBefore).filter((call) => call.method === 'response_url' || (call.method === 'chat.postMessage' && itda.slack.callsTo('chat.postMessage').indexOf(call) >= before))
      .map((call) => (call.method === 'response_url' ? { ...call, body: { ...call.body, channel: 'DSUBMIT' } } : call));
  };
  const draftStatus = async () => {
    const storage = await openStorage(itda.databasePath);
    const draft = await storage.drafts.load('USUBMIT');
    await storage.database.close();
    return draft?.status;
  };

  beforeAll(async () => {
    itda = await startItdaOverHttp({ RATE_LIMIT_PER_MINUTE: '60' });
    await dm('신청서 작성할래요');
    for (const [answer] of KOREAN_ANSWERS) await dm(answer);
  });
  afterAll(() => itda.stop());

  it('keeps the draft unsubmitted and tells the founder the truth, with a reference id', async () => {
    itda.slack.failNext('chat.postMessage', 'not_in_channel');
    const posts = await pressSubmit();
    expect(posts[0]!.body.channel).toBe('CSTAFF');
    const toFounder = posts.filter((call) => call.body.channel === 'DSUBMIT').map((call) => String(call.body.text)).join('\n');
    expect(toFounder).toMatch(/제출하지 못했어요: 사업 담당자 채널에 알림을 보낼 수 없었습니다.*참조 번호: [0-9a-f]{8}/);
    expect(toFounder).not.toContain('✅');
    expect(await draftStatus()).toBe('in_progress');
  });

  it('submits for real once the channel takes the notice', async () => {
    const posts = await pressSubmit();
    expect(posts.some((call) => call.body.channel === 'CSTAFF')).toBe(true);
    expect(posts.filter((call) => call.body.channel === 'DSUBMIT').map((call) => String(call.body.text)).join('\n')).toMatch(/✅ .*제출했어요/);
    expect(await draftStatus()).toBe('submitted');
  });
});

describe('the embedding provider fails for one question', () => {
  let openai: FakeOpenAi;
  let itda: ItdaOverHttp;
  beforeAll(async () => {
    openai = await startFakeOpenAi({ retryAfterMs: 10 });
    openai.setChatReply('지원금은 과제당 최대 5천만 원입니다. [1]');
    itda = await startItdaOverHttp({ OPENAI_API_KEY: 'sk-embedding-failure', OPENAI_BASE_URL: openai.url });
  });
  afterAll(async () => {
    await itda.stop();
    await openai.close();
  });

  it('answers from the local ranker instead of apologising', async () => {
    // Every try of the query embedding (the SDK retries twice) fails; the model itself still answers.
    openai.failNext(500, 3);
    await itda.send.event({ type: 'message', channel_type: 'im', user: 'UEMBED', channel: 'DEMBED', ts: '1700980000.000100', text: '지원금은 얼마까지 받을 수 있나요?' });
    const answer = await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'DEMBED', 15_000);
    expect(String(answer.body.text)).toContain('5천만');
    expect(String(answer.body.text)).not.toContain('참조 번호');
    expect(openai.requests.filter((request) => request.path === '/v1/embeddings').length).toBeGreaterThanOrEqual(3);
  }, 30_000);
});
