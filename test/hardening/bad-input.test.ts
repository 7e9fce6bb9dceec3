import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID } from '../fakes/fake-slack-api.js';
import { SIGNING_SECRET, startItdaOverHttp, type ItdaOverHttp } from '../slack/start-itda-over-http.js';

/**
 * Odd input from users and odd answers from Slack: each gets a helpful reply or a clean 4xx,
 * never a crash, and Itda keeps answering afterwards.
 */
describe('bad input, end to end over signed HTTP', () => {
  let itda: ItdaOverHttp;
  let ts = 1_701_000_000;
  const nextTs = () => `${(ts += 1)}.000100`;
  const dm = async (text: string, user = 'UODD1') => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    const ack = await itda.send.event({ type: 'message', channel_type: 'im', user, channel: `D${user.slice(1)}`, ts: nextTs(), text });
    expect(ack.status).toBe(200);
    await itda.slack.waitFor('chat.postMessage', before + 1);
    await itda.slack.settled(100);
    return itda.slack.callsTo('chat.postMessage').slice(before);
  };
  const textOf = (posts: { body: Record<string, unknown> }[]) => posts.map((post) => `${String(post.body.text)}\n${JSON.stringify(post.body.blocks ?? [])}`).join('\n');
  const signedRaw = (body: string, contentType = 'application/json') => {
    const timestamp = Math.floor(Date.now() / 1000).toString();
    const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    return fetch(itda.url, { method: 'POST', headers: { 'Content-Type': contentType, 'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': signature }, body });
  };

  beforeAll(async () => {
    itda = await startItdaOverHttp();
  });
  afterAll(() => itda.stop());

  it('answers a correctly signed body that is not JSON with a 4xx', async () => {
    const response = await signedRaw('{"type": "event_callback", "event": {');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('acknowledges events with missing fields; only one with a user and a channel gets a reply', async () => {
    const before = itda.slack.calls.length;
    for (const event of [{ type: 'message', channel_type: 'im' }, { type: 'app_mention' }, { type: 'message', channel_type: 'im', user: 'UODD2', channel: 'DODD2' }]) {
      expect((await itda.send.event(event)).status, JSON.stringify(event)).toBe(200);
    }
    // The one answerable event's reply first (a loaded machine may take seconds), then quiet.
    await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'DODD2', 10_000);
    await itda.slack.settled(300);
    const posts = itda.slack.calls.slice(before).filter((call) => call.method === 'chat.postMessage');
    expect(posts.map((post) => post.body.channel)).toEqual(['DODD2']);
    expect(String(posts[0]!.body.text)).toContain('무엇을 도와드릴까요?');
  });

  it('answers an envelope without an event with a 400 at once, and stays up', async () => {
    const response = await itda.send.envelope({ type: 'event_callback', event_id: 'EvNOEVENT', team_id: 'T0TEST' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('answers an unknown command typed in a DM with the help', async () => {
    const reply = textOf(await dm('/itda dance'));
    expect(reply).toContain('/itda apply');
    expect(reply).toContain('/itda ask');
  });

  it('answers a mention with nothing else in it with a short "how can I help"', async () => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'app_mention', user: 'UODD3', channel: 'CGENERAL', ts: nextTs(), text: `<@${BOT_USER_ID}>` });
    const [reply] = (await itda.slack.waitFor('chat.postMessage', before + 1)).slice(before);
    expect(String(reply!.body.text)).toContain('무엇을 도와드릴까요?');
  });

  it('answers emoji only (Slack sends ":tada:" codes) with the same help', async () => {
    expect(textOf(await dm(':tada: 🎉🙏 :+1::skin-tone-2:'))).toMatch(/무엇을 도와드릴까요\?|How can I help\?/);
  });

  it('answers a question mixing Korean and English', async () => {
    expect(textOf(await dm('지원금 how much야?'))).toContain('50,000,000');
  });

  it('reads only the first 4,000 characters of a 40,000-character message, and says so', async () => {
    const reply = textOf(await dm('지원금은 얼마인가요? '.repeat(3_334).slice(0, 40_000)));
    expect(reply).toContain('앞부분 4,000자만 읽었습니다');
  });

  it('sends a message Slack rejects as too long again as plain text', async () => {
    itda.slack.failNext('chat.postMessage', 'msg_too_long');
    const [rejected, retried] = await dm('마감 언제야?');
    expect(rejected!.body.blocks).toBeDefined();
    expect(retried!.body.blocks).toBeUndefined();
    expect(String(retried!.body.text)).toContain('2025');
    expect(String(retried!.body.text).length).toBeLessThanOrEqual(3_900);
  });

  it('waits out Slack’s rate limit (429, Retry-After) and still delivers the answer', async () => {
    itda.slack.failNext('chat.postMessage', 'rate_limited');
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'message', channel_type: 'im', user: 'UODD4', channel: 'DODD4', ts: nextTs(), text: '지원 대상이 어떻게 돼요?' });
    const posts = (await itda.slack.waitFor('chat.postMessage', before + 2, 8_000)).slice(before);
    expect(posts.map((post) => post.body.channel)).toEqual(['DODD4', 'DODD4']);
    expect(String(posts[1]!.body.text).length).toBeGreaterThan(20);
  });

  it('keeps answering afterwards', async () => {
    expect(textOf(await dm('When is the deadline?', 'UODD5'))).toContain('28 April 2025');
    const health = await fetch(itda.url.replace('/slack/events', '/healthz'));
    expect(health.status).toBe(200);
    // The health endpoint is as reachable as the Slack one: it names no server path.
    expect(await health.text()).not.toMatch(/\/(tmp|work|home|data)\/|\.db\b/);
  });
});
