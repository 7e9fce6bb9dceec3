import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';
import { startItdaOverHttp, type ItdaOverHttp } from './start-itda-over-http.js';

/**
 * Issue 11 item 4: untrusted text (a model's answer, a founder's words) never becomes Slack
 * markup. What Slack receives is checked as the fake Web API recorded it.
 */
describe('hostile text on its way to Slack', () => {
  let openai: FakeOpenAi;
  let itda: ItdaOverHttp;
  beforeAll(async () => {
    openai = await startFakeOpenAi({ retryAfterMs: 1 });
    itda = await startItdaOverHttp({ OPENAI_API_KEY: 'test', OPENAI_BASE_URL: openai.url, LLM_TIMEOUT_MS: '2000' });
  });
  afterAll(async () => {
    await itda.stop();
    await openai.close();
  });

  it('a model answer with <!channel>, a mention and phishing links is posted in a public thread as plain text', async () => {
    openai.setChatReply(JSON.stringify({
      answerable: true,
      answer: '<!channel> <!here> 지원금은 *최대 5천만 원*입니다. 서류는 [여기](https://evil.example/upload) 또는 <https://evil.example/form|📎 심사 서류 업로드>에 올리고 <@U0ADMIN>에게 알리세요. R&D <필수>',
      citations: ['P1'],
    }));
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'app_mention', user: 'U0HOSTILE', channel: 'C0PUBLIC', ts: '1726200000.000100', text: '<@UITDABOT> 지원금은 얼마인가요?' });
    const [answer] = (await itda.slack.waitFor('chat.postMessage', before + 1, 30_000)).slice(before);
    const sent = `${String(answer!.body.text)}\n${JSON.stringify(answer!.body.blocks)}`;
    for (const markup of ['<!channel>', '<!here>', '<@U0ADMIN>', '<https://', 'evil.example']) expect(sent).not.toContain(markup);
    expect(sent).toContain('&lt;!channel&gt;');
    expect(sent).toContain('R&amp;D &lt;필수&gt;');
    expect(sent).toContain('[링크 생략]');
    expect(sent).toContain('*최대 5천만 원*\u200B입니다');
  });
});
