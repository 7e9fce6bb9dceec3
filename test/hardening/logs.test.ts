import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { CHILD_BOT_TOKEN, CHILD_SIGNING_SECRET, startItdaProcess, type ItdaProcess } from './itda-child-process.js';
import { copyOfBuiltIndex } from '../built-index.js';

const OPENAI_KEY = 'sk-hardening-logs-7d2e91c0';
const RESIDENT_NUMBER = '900101-1234567';
const PHONE = '010-9876-5432';
const EMAIL = 'jiwoo.founder@example.com';
const MESSAGES = [
  `제 주민등록번호는 ${RESIDENT_NUMBER} 인데 지원 자격이 되나요?`,
  `연락처 ${PHONE} 로 마감일 알려 주실 수 있나요?`,
  `담당자 이메일 ${EMAIL} 에게 가명정보 처리 방법을 보내도 될까요?`,
];
/** Words of the messages themselves: a log line must not carry what the user wrote. */
const MESSAGE_WORDS = ['주민등록번호는', '연락처', '담당자 이메일', '가명정보 처리 방법을'];

/**
 * Logs at their most talkative (LOG_LEVEL=debug) while users paste personal data and a
 * handler fails: every line is structured, failures carry ids to find them by, and no secret
 * or personal data is ever written.
 */
describe('logs at debug level', () => {
  let slack: FakeSlackApi;
  let openai: FakeOpenAi;
  let itda: ItdaProcess;
  let ts = 1_700_800_000;
  const dm = async (user: string, text: string, eventId: string) => {
    const before = slack.callsTo('chat.postMessage').length;
    ts += 1;
    expect((await itda.send.event({ type: 'message', channel_type: 'im', user, channel: `D${user.slice(1)}`, ts: `${ts}.000100`, text }, { eventId })).status).toBe(200);
    await slack.waitFor('chat.postMessage', before + 1);
    await slack.settled(150);
    return slack.callsTo('chat.postMessage').slice(before);
  };
  const lines = () => itda.stdout;

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    openai = await startFakeOpenAi();
    openai.setChatReply('가명정보는 과학적 연구 목적이면 동의 없이 처리할 수 있습니다. [1]');
    itda = await startItdaProcess({
      databasePath: join(mkdtempSync(join(tmpdir(), 'itda-logs-')), 'itda.db'),
      slackApiUrl: slack.apiUrl,
      environment: { LOG_LEVEL: 'debug', OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: openai.url, INDEX_DIR: copyOfBuiltIndex('itda-logs-index-') },
      startTimeoutMs: 60_000,
    });
    for (const [index, text] of MESSAGES.entries()) await dm(`ULOG${index}`, text, `EvLOG${index}`);
  });
  afterAll(async () => {
    await itda?.stop();
    await openai?.close();
    await slack?.close();
  });

  it('a failing handler is logged with the event id and a reference the user is told', async () => {
    slack.failNext('chat.postMessage', 'channel_not_found');
    const [, apology] = await dm('ULOGFAIL', '마감 언제야?', 'EvLOGFAIL');
    const reference = /참조 번호: ([0-9a-f]{8})/.exec(String(apology?.body.text))?.[1];
    expect(reference).toBeDefined();
    const failure = lines().map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'handler failed');
    expect(failure).toMatchObject({ level: 50, eventId: 'EvLOGFAIL', reference, userId: 'ULOGFAIL', surface: 'dm' });
  });

  it('every line is JSON with a level and a time', () => {
    expect(lines().length).toBeGreaterThan(5);
    for (const line of lines()) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      expect(entry, line).toMatchObject({ level: expect.any(Number), time: expect.any(Number) });
    }
    expect(itda.stderr).toEqual([]);
  });

  it('no token, signing secret or API key appears', () => {
    const all = lines().join('\n');
    for (const secret of [CHILD_BOT_TOKEN, CHILD_SIGNING_SECRET, OPENAI_KEY]) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/xoxb-[\w-]+/);
  });

  it('no personal data and no message text appears', () => {
    const all = lines().join('\n');
    for (const personal of [RESIDENT_NUMBER, '1234567', PHONE, '9876-5432', EMAIL]) expect(all).not.toContain(personal);
    for (const words of MESSAGE_WORDS) expect(all).not.toContain(words);
  });

  it('nothing Itda posted to Slack (answers, the apology) is written to the log', () => {
    const all = lines().join('\n');
    const posted = slack.callsTo('chat.postMessage').map((call) => String(call.body.text).slice(0, 24));
    expect(posted.length).toBeGreaterThanOrEqual(4);
    for (const text of posted) expect(all).not.toContain(JSON.stringify(text).slice(1, -1));
  });
});
