import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { SlackCallError, WebApiPoster } from '../../src/slack/web-api-poster.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';

const QUICK_RETRIES = { retries: 2, factor: 2, minTimeout: 20, maxTimeout: 50 };

/** The thin poster Itda answers through: what Slack receives, and what happens when Slack says no. */
describe('WebApiPoster', () => {
  let slack: FakeSlackApi;
  let poster: WebApiPoster;
  beforeAll(async () => {
    slack = await startFakeSlackApi();
    poster = new WebApiPoster({ token: 'xoxb-poster-test', apiUrl: slack.apiUrl, retries: QUICK_RETRIES, logger: silentLogger });
  });
  afterAll(() => slack.close());

  it('posts the answer as JSON with the bot token; Slack gets blocks, metadata and all', async () => {
    const result = await poster.call('chat.postMessage', { channel: 'D1', text: '지원금은 최대 2억 원입니다.', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*2억 원*' } }], unfurl_links: false, metadata: { event_type: 'itda_reply', event_payload: { inbox_id: 'Ev1', reply: '0.0' } } });
    expect(result.ok).toBe(true);
    const [posted] = slack.callsTo('chat.postMessage').slice(-1);
    expect(posted!.body).toMatchObject({ channel: 'D1', text: '지원금은 최대 2억 원입니다.', unfurl_links: false, metadata: { event_type: 'itda_reply' } });
    expect((posted!.body.blocks as unknown[]).length).toBe(1);
  });

  it('Slack: 429, Retry-After: 1 → waits a second, then the same post goes through', async () => {
    slack.failNext('chat.postMessage', 'rate_limited');
    const before = slack.callsTo('chat.postMessage').length;
    const started = performance.now();
    await poster.call('chat.postMessage', { channel: 'D2', text: 'When is the deadline?' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(slack.callsTo('chat.postMessage').slice(before).map((call) => call.body.channel)).toEqual(['D2', 'D2']);
  });

  it('Slack: ok false (msg_too_long) → thrown at once as the Web API client throws it, not tried again', async () => {
    slack.failNext('chat.postMessage', 'msg_too_long');
    const before = slack.callsTo('chat.postMessage').length;
    const error = await poster.call('chat.postMessage', { channel: 'D3', text: 'x'.repeat(50) }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SlackCallError);
    expect(error).toMatchObject({ code: 'slack_webapi_platform_error', data: { ok: false, error: 'msg_too_long' } });
    expect(slack.callsTo('chat.postMessage').length).toBe(before + 1);
  });

  it('Slack answering 503 twice → tried again with backoff, delivered on the third try', async () => {
    let calls = 0;
    const flaky: Server = createServer((request, response) => {
      request.resume();
      calls += 1;
      if (calls <= 2) {
        response.writeHead(503);
        response.end('down');
        return;
      }
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify({ ok: true, ts: '1.2' }));
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const flakyPoster = new WebApiPoster({ token: 'xoxb-t', apiUrl: `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/api/`, retries: QUICK_RETRIES, logger: silentLogger });
    expect(await flakyPoster.call('reactions.add', { channel: 'D4', timestamp: '1.1', name: 'eyes' })).toMatchObject({ ok: true, ts: '1.2' });
    expect(calls).toBe(3);
    await new Promise<void>((resolve) => flaky.close(() => resolve()));
  });

  it('Slack unreachable → after the retries, a request error naming what failed', async () => {
    const gone = new WebApiPoster({ token: 'xoxb-t', apiUrl: 'http://127.0.0.1:9/api/', retries: QUICK_RETRIES, logger: silentLogger });
    await expect(gone.call('chat.postMessage', { channel: 'D5', text: 'hi' })).rejects.toMatchObject({ code: 'slack_webapi_request_error' });
  });
});
