import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { startItdaProcess, type ItdaProcess } from './itda-child-process.js';
import { copyOfBuiltIndex } from '../built-index.js';

const MODEL_DELAY_MS = 1_500;

/**
 * A deploy sends SIGTERM while a founder's question is being answered (the model is slow) or
 * a Word export is being built: the reply still reaches Slack, the process exits 0 and leaves
 * a clean database behind.
 */
describe('SIGTERM while a message is being handled', () => {
  let slack: FakeSlackApi;
  let openai: FakeOpenAi;
  let itda: ItdaProcess | undefined;
  const start = (databasePath: string) =>
    startItdaProcess({
      databasePath,
      slackApiUrl: slack.apiUrl,
      environment: { OPENAI_API_KEY: 'sk-shutdown-test', OPENAI_BASE_URL: openai.url, INDEX_DIR: copyOfBuiltIndex('itda-shutdown-index-') },
      startTimeoutMs: 60_000,
    });
  const dm = async (user: string, text: string) => {
    const before = slack.callsTo('chat.postMessage').length;
    await itda!.send.event({ type: 'message', channel_type: 'im', user, channel: `D${user.slice(1)}`, ts: `${Date.now() / 1000}`, text });
    await slack.waitFor('chat.postMessage', before + 1);
    await slack.settled(100);
  };

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    openai = await startFakeOpenAi();
    openai.setChatReply(async () => {
      await new Promise((resolve) => setTimeout(resolve, MODEL_DELAY_MS));
      return '가명정보는 통계작성, 과학적 연구, 공익적 기록보존 목적이라면 정보주체의 동의 없이 처리할 수 있습니다. [1]';
    });
  });
  afterAll(async () => {
    await itda?.stop();
    await openai?.close();
    await slack?.close();
  });

  it('posts the answer the model is still writing, exits 0 and closes the database cleanly', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'itda-shutdown-')), 'itda.db');
    itda = await start(databasePath);
    const ack = await itda.send.event(
      { type: 'message', channel_type: 'im', user: 'USHUT', channel: 'DSHUT', ts: '1700700000.000100', text: '가명정보는 동의 없이 쓸 수 있나요?' },
      { eventId: 'EvSHUTDOWN' },
    );
    expect(ack.status).toBe(200);
    await waitUntil(() => openai.requests.some((request) => request.path === '/v1/chat/completions'));
    expect(slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'DSHUT')).toHaveLength(0);

    expect(await itda.stop()).toEqual({ code: 0, signal: null });

    const answers = slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'DSHUT');
    expect(answers).toHaveLength(1);
    expect(String(answers[0]!.body.text)).toContain('가명정보');
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
    const storage = await openStorage(databasePath);
    const check = await storage.database.get<{ integrity_check: string }>('PRAGMA integrity_check');
    const turns = await storage.database.all<{ role: string }>("SELECT role FROM conversation_turns WHERE user_id = 'USHUT' ORDER BY id");
    await storage.database.close();
    expect(check?.integrity_check).toBe('ok');
    expect(turns.map((turn) => turn.role)).toEqual(['user', 'assistant']);
  }, 60_000);

  it('finishes a button press (Word export) that arrived just before SIGTERM', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'itda-shutdown-')), 'itda.db');
    itda = await start(databasePath);
    await dm('UEXPORT', '신청서 작성할래요');
    await dm('UEXPORT', '셧다운헬스');
    const press = await itda.send.action({
      type: 'block_actions', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'legacy', trigger_id: 'tr-export', user: { id: 'UEXPORT' },
      channel: { id: 'DEXPORT' }, message: { ts: '1700700001.000200' }, container: { type: 'message', is_ephemeral: false },
      response_url: slack.responseUrl('export'), actions: [{ type: 'button', action_id: 'preapp_export_docx', value: 'docx', block_id: 'b', action_ts: '1' }],
    });
    expect(press.status).toBe(200);

    expect(await itda.stop()).toEqual({ code: 0, signal: null });

    expect(slack.callsTo('files.completeUploadExternal').map((call) => call.body.channel_id)).toEqual(['DEXPORT']);
    expect(itda.stdout.filter((line) => line.includes('"level":50'))).toEqual([]);
    expect(existsSync(`${databasePath}-wal`)).toBe(false);
  }, 60_000);
});

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
