import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';
import type { RecordedCall } from '../fakes/fake-slack-api.js';
import { startItdaOverHttp, type ItdaOverHttp } from './start-itda-over-http.js';

/**
 * When the 👀 appears on a founder's message: only once the answer has taken longer than
 * SLACK_WORKING_STATUS_DELAY_MS. Real Bolt app over signed HTTP; what the fake Slack recorded.
 */
const reactionsAndPosts = (calls: RecordedCall[]) => calls.filter((call) => call.method.startsWith('reactions.') || call.method === 'chat.postMessage');

describe('the working status (👀) on a DM', () => {
  describe('an answer ready within the delay', () => {
    let itda: ItdaOverHttp;
    // Well above any offline answer, even on a loaded machine (the default is 2 s).
    beforeAll(async () => (itda = await startItdaOverHttp({ SLACK_WORKING_STATUS_DELAY_MS: '5000' })));
    afterAll(() => itda.stop());

    it('founder: "신청 마감이 언제예요?" → the answer, and no 👀 added or removed', async () => {
      expect((await itda.send.event({ type: 'message', channel_type: 'im', user: 'U0FAST01', channel: 'D0FAST01', ts: '1726300000.000100', text: '신청 마감이 언제예요?' })).status).toBe(200);
      await itda.slack.waitFor('chat.postMessage', 1, 30_000);
      await itda.slack.settled(300);
      expect(reactionsAndPosts(itda.slack.calls).map((call) => call.method)).toEqual(['chat.postMessage']);
    });
  });

  describe('an answer slower than the delay', () => {
    let openai: FakeOpenAi;
    let itda: ItdaOverHttp;
    beforeAll(async () => {
      openai = await startFakeOpenAi({ retryAfterMs: 1 });
      itda = await startItdaOverHttp({ OPENAI_API_KEY: 'test', OPENAI_BASE_URL: openai.url, LLM_TIMEOUT_MS: '10000', SLACK_WORKING_STATUS_DELAY_MS: '50' });
    });
    afterAll(async () => {
      await itda.stop();
      await openai.close();
    });

    it('founder asks while the model takes a second → 👀 on the message, the answer, then the 👀 removed', async () => {
      openai.setChatReply(async () => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return JSON.stringify({ answerable: true, answer: '지원금은 최대 5천만 원입니다.', citations: ['P1'] });
      });
      expect((await itda.send.event({ type: 'message', channel_type: 'im', user: 'U0SLOW01', channel: 'D0SLOW01', ts: '1726300100.000100', text: '지원금은 얼마까지 받을 수 있나요?' })).status).toBe(200);
      await itda.slack.waitFor('reactions.remove', 1, 30_000);
      await itda.slack.settled(300);
      const calls = reactionsAndPosts(itda.slack.calls);
      expect(calls.map((call) => call.method)).toEqual(['reactions.add', 'chat.postMessage', 'reactions.remove']);
      expect(calls[0]!.body).toMatchObject({ channel: 'D0SLOW01', timestamp: '1726300100.000100', name: 'eyes' });
      expect(calls[2]!.body).toMatchObject({ channel: 'D0SLOW01', timestamp: '1726300100.000100', name: 'eyes' });
    });
  });
});
