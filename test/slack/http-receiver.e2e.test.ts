import { createHmac } from 'node:crypto';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/observability/logger.js';
import { SlackHttpReceiver } from '../../src/slack/http-receiver.js';
import { slackSender } from '../fakes/signed-slack-requests.js';
import { SIGNING_SECRET, startItdaOverHttp, type ItdaOverHttp } from './start-itda-over-http.js';

/**
 * During a burst Itda acknowledges first and works after; under steady traffic that never lets
 * up, an event still gets its answer within a fraction of a second.
 */
describe('acknowledging before working', () => {
  let itda: ItdaOverHttp;
  beforeAll(async () => {
    itda = await startItdaOverHttp();
  });
  afterAll(() => itda.stop());

  it('answers a DM while other events keep arriving every millisecond', async () => {
    // Other bots' messages: acknowledged and ignored, a steady stream with no gaps.
    let sent = 0;
    const stream = setInterval(() => {
      for (let index = 0; index < 4; index += 1) {
        sent += 1;
        void itda.send.event({ type: 'message', subtype: 'bot_message', bot_id: 'BOTHER', channel_type: 'im', channel: 'DOTHER', ts: `1700900001.${sent}`, text: 'noise' }).catch(() => undefined);
      }
    }, 1);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await itda.send.event({ type: 'message', channel_type: 'im', user: 'USTEADY', channel: 'DSTEADY', ts: '1700900000.000100', text: '지원금은 얼마야?' });
      // The stream goes on for as long as this waits, so the answer cannot be waiting for a quiet
      // moment; the generous limit is for a loaded 2-core CI machine (3 s failed there).
      const answer = await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'DSTEADY', 15_000);
      const sentByTheAnswer = sent;
      expect(String(answer.body.text)).toContain('5천만');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sent, 'the stream was still running when the answer came').toBeGreaterThan(sentByTheAnswer);
    } finally {
      clearInterval(stream);
      await itda.slack.settled();
    }
  }, 30_000);

  it('refuses a request whose timestamp is more than five minutes old, even if signed', async () => {
    const response = await itda.send.envelope({ type: 'event_callback', event: { type: 'message' } }, { timestampOffsetSeconds: -600 });
    expect(response.status).toBe(401);
  });
});

/** A request signed once and sent twice, as an attacker who captured it would. */
function signedTwice(url: string, body: string): () => Promise<Response> {
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return () =>
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Slack-Request-Timestamp': timestamp, 'X-Slack-Signature': signature },
      body,
    });
}

describe('replays, oversize bodies and answers that travel in the ack', () => {
  let itda: ItdaOverHttp;
  beforeAll(async () => {
    itda = await startItdaOverHttp();
  });
  afterAll(() => itda.stop());

  it('a slash command replayed inside the five-minute window is answered once', async () => {
    const send = signedTwice(itda.url, new URLSearchParams({ team_id: 'T0TEST', command: '/itda', text: 'deadline', user_id: 'UREPLAY', channel_id: 'CREPLAY', response_url: itda.slack.responseUrl('replay'), trigger_id: 't-replay' }).toString());
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    await itda.slack.waitForCall('response_url', (call) => call.body.id === 'replay');
    await itda.slack.settled(300);
    expect(itda.slack.callsTo('response_url').filter((call) => call.body.id === 'replay')).toHaveLength(1);
  });

  it('a replayed "delete everything" button runs once', async () => {
    const payload = {
      type: 'block_actions', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'legacy', trigger_id: 'tr-forget', user: { id: 'UREPLAY' },
      channel: { id: 'DREPLAY' }, message: { ts: '1700990000.000100' }, container: { type: 'message', is_ephemeral: false },
      response_url: itda.slack.responseUrl('forget'), actions: [{ type: 'button', action_id: 'forget_confirm', value: 'confirm', block_id: 'b', action_ts: '1' }],
    };
    const send = signedTwice(itda.url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    await send();
    await send();
    await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'DREPLAY');
    await itda.slack.settled(300);
    const forgets = await itda.running.storage.audit.recent(20);
    expect(forgets.filter((entry) => entry.action === 'forget' && entry.actorId === 'UREPLAY')).toHaveLength(1);
  });

  it('a body over 1 MB gets 413, not a reset', async () => {
    const response = await itda.send.envelope({ type: 'event_callback', event_id: 'EvHUGE', event: { type: 'message', text: 'x'.repeat(5_000_000) } });
    expect(response.status).toBe(413);
  });
});

describe("the receiver's ack() is Bolt's own", () => {
  it('a view_submission whose handler acks with response_action: errors gets them back in the HTTP response', async () => {
    const receiver = new SlackHttpReceiver({
      signingSecret: SIGNING_SECRET,
      logger: silentLogger,
      health: async () => ({ ok: true }),
      acceptEvent: async () => ({ outcome: 'new' }),
      firstTime: async () => true,
    });
    const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-test', botId: 'BITDA', botUserId: 'UITDA' }), logLevel: LogLevel.ERROR });
    app.view('plan_title', async ({ ack }) => {
      await ack({ response_action: 'errors', errors: { title_block: '과제명을 입력해 주세요. (Please enter a title.)' } });
    });
    const server = await receiver.start({ port: 0, host: '127.0.0.1' });
    try {
      const address = server.address() as { port: number };
      const send = slackSender(`http://127.0.0.1:${address.port}/slack/events`, SIGNING_SECRET);
      const response = await send.action({
        type: 'view_submission', team: { id: 'T0TEST' }, user: { id: 'UMODAL' }, api_app_id: 'A0ITDA', token: 'legacy', trigger_id: 'tr-modal',
        view: { id: 'V1', type: 'modal', callback_id: 'plan_title', state: { values: {} }, private_metadata: '', hash: 'h' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ response_action: 'errors', errors: { title_block: '과제명을 입력해 주세요. (Please enter a title.)' } });
    } finally {
      await receiver.stop();
    }
  });
});
