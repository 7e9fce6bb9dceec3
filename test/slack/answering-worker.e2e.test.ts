import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startItdaOverHttp, type ItdaOverHttp } from './start-itda-over-http.js';

/**
 * Slack mode answers questions on a worker thread (ANSWER_IN_WORKER, default on): the main
 * thread keeps acknowledging and posting. A founder cannot tell: the same answer, in the same
 * place, whether the worker answered, the main thread did, or the worker went away mid-day.
 */
describe('answering on a worker thread', () => {
  let inWorker: ItdaOverHttp;
  let inProcess: ItdaOverHttp;
  // The worker's Itda answers from a copy of the knowledge, so a staff edit can be tried on it.
  const knowledgeDir = join(mkdtempSync(join(tmpdir(), 'itda-worker-knowledge-')), 'knowledge');
  cpSync('knowledge', knowledgeDir, { recursive: true });

  beforeAll(async () => {
    inWorker = await startItdaOverHttp({ ANSWER_IN_WORKER: 'true', LOG_LEVEL: 'error', KNOWLEDGE_DIR: knowledgeDir, CATALOG_PATH: join(knowledgeDir, 'hospitals') });
    inProcess = await startItdaOverHttp({ ANSWER_IN_WORKER: 'false' });
  }, 60_000);

  afterAll(async () => {
    await inWorker?.stop();
    await inProcess?.stop();
  });

  async function ask(itda: ItdaOverHttp, channel: string, ts: string, text: string): Promise<string> {
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'message', channel_type: 'im', user: `U${channel}`, channel, ts, text });
    const posted = await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === channel && itda.slack.callsTo('chat.postMessage').indexOf(call) >= before, 20_000);
    return String(posted.body.text);
  }

  it('founder: "지원금은 얼마까지 받을 수 있나요?" → the worker answers, word for word what the main thread would', async () => {
    expect(await inWorker.running.answering!.whenReady()).toBe(true);
    const answered = inWorker.running.answering!.answeredInWorker;
    const fromWorker = await ask(inWorker, 'DWORKER1', '1700100000.000100', '지원금은 얼마까지 받을 수 있나요?');
    expect(inWorker.running.answering!.answeredInWorker).toBe(answered + 1);
    expect(inProcess.running.answering).toBeUndefined();
    const fromMainThread = await ask(inProcess, 'DWORKER1', '1700100000.000100', '지원금은 얼마까지 받을 수 있나요?');
    expect(fromWorker).toBe(fromMainThread);
    expect(fromWorker.length).toBeGreaterThan(20);
  }, 30_000);

  it('four founders ask at once → each gets, from the worker, the answer the main thread gives them', async () => {
    const questions = ['신청 마감이 언제예요?', 'Who is eligible to apply?', '가명정보는 동의 없이 쓸 수 있나요?', '연구비로 장비를 살 수 있나요?'];
    const askAll = (itda: ItdaOverHttp) => Promise.all(questions.map((text, index) => ask(itda, `DBURST${index}`, `170010001${index}.000100`, text)));
    const answered = inWorker.running.answering!.answeredInWorker;
    const fromWorker = await askAll(inWorker);
    expect(inWorker.running.answering!.answeredInWorker).toBe(answered + questions.length);
    expect(fromWorker).toEqual(await askAll(inProcess));
    expect(new Set(fromWorker).size).toBe(questions.length);
  }, 30_000);

  it('staff edit funding.md → the very next answer from the worker quotes the new amount', async () => {
    const funding = join(knowledgeDir, 'funding.md');
    expect(await ask(inWorker, 'DWORKER3', '1700100002.000100', '지원금은 얼마인가요?')).toContain('5천만 원');
    writeFileSync(funding, readFileSync(funding, 'utf8').replace('5천만 원', '5천5백만 원'));
    await inWorker.running.dataFiles.checkNow();
    const answered = inWorker.running.answering!.answeredInWorker;
    expect(await ask(inWorker, 'DWORKER3', '1700100003.000100', '지원금은 얼마인가요?')).toContain('5천5백만 원');
    expect(inWorker.running.answering!.answeredInWorker).toBe(answered + 1);
  }, 30_000);

  it('founder: "When is the application deadline?" after the worker is gone → still answered, by the main thread', async () => {
    const answering = inWorker.running.answering!;
    await answering.close();
    const answered = answering.answeredInWorker;
    const reply = await ask(inWorker, 'DWORKER2', '1700100001.000100', 'When is the application deadline?');
    expect(answering.answeredInWorker).toBe(answered);
    expect(reply).toBe(await ask(inProcess, 'DWORKER2', '1700100001.000100', 'When is the application deadline?'));
  }, 30_000);
});
