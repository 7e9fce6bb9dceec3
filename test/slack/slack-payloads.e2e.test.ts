import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import type { RecordedCall } from '../fakes/fake-slack-api.js';
import { replay } from './replay-fixture.js';
import { startItdaOverHttp, type ItdaOverHttp } from './start-itda-over-http.js';

/**
 * Every event Itda subscribes to, replayed from real-shaped payloads (test/slack/fixtures/events)
 * against the real Bolt app over signed HTTP: what Slack receives back for each.
 */
describe('Slack events as Slack sends them', () => {
  let itda: ItdaOverHttp;
  let mark = 0;
  /**
   * Sends a fixture and returns every Web API call it caused: once the call it must cause has
   * arrived (on a loaded machine an answer can take seconds), and Itda has then gone quiet.
   */
  const after = async (name: string, awaited?: string): Promise<RecordedCall[]> => {
    mark = itda.slack.calls.length;
    expect((await replay(itda.send, 'events', name)).status, name).toBe(200);
    if (awaited) await itda.slack.waitForCall(awaited, (call) => itda.slack.calls.indexOf(call) >= mark, 30_000);
    await itda.slack.settled(300);
    return itda.slack.calls.slice(mark);
  };
  const posts = (calls: RecordedCall[]) => calls.filter((call) => call.method === 'chat.postMessage');
  const textOf = (calls: RecordedCall[]) => calls.map((call) => `${String(call.body.text)}\n${JSON.stringify(call.body.blocks ?? '')}`).join('\n');

  beforeAll(async () => {
    // 👀 from the first millisecond, as for an answer slower than the delay (working-status.e2e.test.ts has both).
    itda = await startItdaOverHttp({ SLACK_WORKING_STATUS_DELAY_MS: '0' });
  });
  afterAll(() => itda.stop());

  it('url_verification: answers the challenge', async () => {
    const response = await replay(itda.send, 'events', 'url-verification');
    expect(await response.text()).toContain('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
  });

  it('app_mention: 👀 on the mention while working, then the answer in its thread, without link previews', async () => {
    const calls = await after('app-mention', 'reactions.remove');
    expect(calls.map((call) => call.method).filter((method) => method.startsWith('reactions') || method === 'chat.postMessage')).toEqual([
      'reactions.add',
      'chat.postMessage',
      'reactions.remove',
    ]);
    expect(calls.find((call) => call.method === 'reactions.add')!.body).toMatchObject({ channel: 'C0GENERAL', timestamp: '1726133700.000100', name: 'eyes' });
    const [answer] = posts(calls);
    expect(answer!.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1726133700.000100' });
    // Form-encoded by the Web API client, as Slack receives it.
    expect([String(answer!.body.unfurl_links), String(answer!.body.unfurl_media)]).toEqual(['false', 'false']);
    expect(String(answer!.body.text)).toContain('50,000,000');
  });

  it('message.channels in that thread: answered there, without a mention', async () => {
    const [answer] = posts(await after('message-channels-thread-reply', 'chat.postMessage'));
    expect(answer!.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1726133700.000100' });
    expect(String(answer!.body.text)).toContain('2025');
  });

  it('thread_broadcast ("also send to channel") in that thread: answered once, in the thread', async () => {
    const answers = posts(await after('message-thread-broadcast', 'chat.postMessage'));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body).toMatchObject({ channel: 'C0GENERAL', thread_ts: '1726133700.000100' });
  });

  it('channel chatter that is not in a thread of Itda’s: left alone', async () => {
    expect(await after('message-channels-chatter')).toEqual([]);
  });

  it('message.im: answered in the DM; the question is stored as typed (entities decoded once)', async () => {
    const answers = posts(await after('message-im', 'chat.postMessage'));
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body.channel).toBe('D0FOUNDER2');
    expect(answers[0]!.body.thread_ts).toBeUndefined();
    const storage = await openStorage(itda.databasePath);
    const turns = await storage.database.all<{ text: string }>("SELECT text FROM conversation_turns WHERE user_id = 'U0FOUNDER2' AND role = 'user'");
    await storage.database.close();
    expect(turns.map((turn) => turn.text)).toContain('R&D 비용 <간접비>도 지원금으로 쓸 수 있나요?');
  });

  it('a reply in an ordinary DM thread: answered in that thread as a DM, not by the assistant pane', async () => {
    const calls = await after('message-im-thread-reply', 'chat.postMessage');
    expect(calls.some((call) => call.method.startsWith('assistant.threads') || call.method === 'chat.startStream')).toBe(false);
    const [answer] = posts(calls);
    expect(answer!.body).toMatchObject({ channel: 'D0FOUNDER2', thread_ts: '1726133800.000100' });
  });

  it('file_share with a research-plan document and a question in a DM: the question answered, the document offered for the form or for staff', async () => {
    const answers = posts(await after('message-im-file-share-plan', 'reactions.remove'));
    expect(answers).toHaveLength(2);
    expect(String(answers[0]!.body.text)).toContain('50,000,000');
    expect(String(answers[1]!.body.text)).toContain('연구계획서_초안_v2.docx');
    const buttons = JSON.stringify(answers[1]!.body.blocks);
    expect(buttons).toContain('plan_document_form');
    expect(buttons).toContain('plan_document_staff');
  });

  it('file_share of an image without a word: says it cannot read files yet', async () => {
    const answers = posts(await after('message-im-file-share-image', 'chat.postMessage'));
    expect(answers).toHaveLength(1);
    expect(String(answers[0]!.body.text)).toContain('파일 내용은 아직 읽지 못합니다');
  });

  it.each(['message-im-slackbot', 'message-channel-join', 'message-changed', 'message-deleted', 'message-bot-message', 'message-im-own'])(
    '%s: ignored (no reply, no reaction)',
    async (name) => {
      expect(await after(name)).toEqual([]);
    },
  );

  it('message.mpim mentioning Itda, and its app_mention twin: answered once, in the thread', async () => {
    const first = await after('message-mpim-mention', 'chat.postMessage');
    const twin = await after('app-mention-mpim');
    const answers = [...posts(first), ...posts(twin)];
    expect(answers).toHaveLength(1);
    expect(answers[0]!.body).toMatchObject({ channel: 'G0MPIM0001', thread_ts: '1726134100.000100' });
  });

  it('message.mpim: a follow-up in that thread is answered; other group chatter is not', async () => {
    expect(posts(await after('message-mpim-thread-reply', 'chat.postMessage'))[0]!.body).toMatchObject({ channel: 'G0MPIM0001', thread_ts: '1726134100.000100' });
    expect(await after('message-mpim-chatter')).toEqual([]);
  });

  it('a mention with a phone number: the redaction notice goes to the author alone, the thread sees only the answer', async () => {
    const calls = await after('app-mention-personal-data', 'reactions.remove');
    const notice = calls.find((call) => call.method === 'chat.postEphemeral');
    expect(notice!.body).toMatchObject({ channel: 'C0PRIVATE1', user: 'U0FOUNDER6', thread_ts: '1726134200.000100' });
    expect(String(notice!.body.text)).toContain('전화번호');
    const answer = posts(calls)[0]!;
    expect(textOf([answer])).not.toContain('전화번호');
    expect(textOf(calls)).not.toContain('010-1234-5678');
  });

  it('app_home_opened: publishes App Home, its help escaped (<질문> shown, not parsed)', async () => {
    const [publish] = (await after('app-home-opened', 'views.publish')).filter((call) => call.method === 'views.publish');
    const view = JSON.stringify(publish!.body.view);
    expect(view).toContain('&lt;질문&gt;');
    expect(view).not.toContain('<질문>');
  });

  it('assistant_thread_started / _context_changed / a message in the pane: prompts, title from the first question, status, Markdown stream', async () => {
    const started = await after('assistant-thread-started', 'assistant.threads.setSuggestedPrompts');
    expect(started.some((call) => call.method === 'assistant.threads.setSuggestedPrompts')).toBe(true);
    await after('assistant-thread-context-changed');
    const calls = await after('assistant-user-message', 'chat.stopStream');
    expect(calls.find((call) => call.method === 'assistant.threads.setStatus')!.body.status).toBe('답변을 찾는 중…');
    expect(calls.find((call) => call.method === 'assistant.threads.setTitle')!.body).toMatchObject({ channel_id: 'D0FOUNDER7', thread_ts: '1726134400.000100', title: '지원 대상이 어떻게 돼요?' });
    const markdown = calls.filter((call) => ['chat.startStream', 'chat.appendStream', 'chat.stopStream'].includes(call.method)).map((call) => streamedMarkdown(call.body)).join('');
    expect(markdown.length).toBeGreaterThan(0);
    expect(markdown).not.toMatch(/\n• /);
    expect(markdown).not.toMatch(/(^|[^*])\*[^*\s][^*\n]*\*(?!\*)/);
  });
});

/** Bolt's streamer sends markdown_text directly or buffered as chunks on stop. */
function streamedMarkdown(body: Record<string, unknown>): string {
  const chunks = Array.isArray(body.chunks) ? (body.chunks as { type?: string; text?: string }[]) : [];
  return `${String(body.markdown_text ?? '')}${chunks.filter((chunk) => chunk.type === 'markdown_text').map((chunk) => chunk.text ?? '').join('')}`;
}

describe('revoked access, as Slack announces it', () => {
  it.each([
    ['tokens-revoked', 'tokens_revoked'],
    ['app-uninstalled', 'app_uninstalled'],
  ])('%s: nothing is posted afterwards', async (name) => {
    const itda = await startItdaOverHttp();
    try {
      expect((await replay(itda.send, 'events', name)).status).toBe(200);
      await itda.slack.settled(150);
      const mark = itda.slack.calls.length;
      await replay(itda.send, 'events', 'message-im');
      await replay(itda.send, 'events', 'app-mention');
      await itda.slack.settled(300);
      expect(itda.slack.calls.slice(mark).filter((call) => call.method !== 'auth.test')).toEqual([]);
    } finally {
      await itda.stop();
    }
  });
});

describe('notices meant for one person, in a channel', () => {
  it('"slow down" and an error apology are ephemeral to the author; the thread sees neither', async () => {
    const itda = await startItdaOverHttp({ RATE_LIMIT_PER_MINUTE: '1' });
    try {
      await replay(itda.send, 'events', 'app-mention');
      await itda.slack.waitFor('chat.postMessage');
      await itda.slack.settled(200);
      const mark = itda.slack.calls.length;
      await replay(itda.send, 'events', 'message-channels-thread-reply');
      const slowDown = await itda.slack.waitFor('chat.postEphemeral');
      expect(slowDown[0]!.body).toMatchObject({ channel: 'C0GENERAL', user: 'U0FOUNDER1', thread_ts: '1726133700.000100' });
      expect(String(slowDown[0]!.body.text)).toContain('1분');
      await itda.slack.settled(200);
      expect(itda.slack.calls.slice(mark).filter((call) => call.method === 'chat.postMessage')).toEqual([]);
    } finally {
      await itda.stop();
    }
  });

  it('an answer Slack refuses: the apology with its reference goes to the author alone', async () => {
    const itda = await startItdaOverHttp();
    try {
      itda.slack.failNext('chat.postMessage', 'internal_error', 3);
      await replay(itda.send, 'events', 'app-mention');
      const [apology] = await itda.slack.waitFor('chat.postEphemeral');
      expect(apology!.body).toMatchObject({ channel: 'C0GENERAL', user: 'U0FOUNDER1' });
      expect(String(apology!.body.text)).toMatch(/참조 번호: [0-9a-f]{8}/);
    } finally {
      await itda.stop();
    }
  });
});
