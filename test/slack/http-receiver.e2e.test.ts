import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startItdaOverHttp, type ItdaOverHttp } from './start-itda-over-http.js';

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
        void itda.send.event({ type: 'message', subtype: 'bot_message', bot_id: 'BOTHER', channel_type: 'im', channel: 'DOTHER', ts: `1700900001.${sent}`, text: 'noise' });
      }
    }, 1);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await itda.send.event({ type: 'message', channel_type: 'im', user: 'USTEADY', channel: 'DSTEADY', ts: '1700900000.000100', text: '지원금은 얼마야?' });
      const answer = await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'DSTEADY', 3_000);
      expect(String(answer.body.text)).toContain('5천만');
    } finally {
      clearInterval(stream);
      await itda.slack.settled();
    }
  });

  it('refuses a request whose timestamp is more than five minutes old, even if signed', async () => {
    const response = await itda.send.envelope({ type: 'event_callback', event: { type: 'message' } }, { timestampOffsetSeconds: -600 });
    expect(response.status).toBe(401);
  });
});
