import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { startItdaProcess, type ItdaProcess } from './itda-child-process.js';
import { copyOfBuiltIndex } from '../built-index.js';

const FOUNDERS = 200;
/** Answers seen before the kill; ITDA_CRASH_KILL_POINTS="15,40,80,120,170" measures several in one run. */
const KILL_POINTS = (process.env.ITDA_CRASH_KILL_POINTS ?? '40').split(',').map(Number);
const QUESTIONS = ['지원금은 얼마까지 받을 수 있나요?', '신청 마감이 언제예요?', '지원 대상이 어떻게 돼요?', 'Who is eligible to apply?'];

/**
 * Deadline day: 200 founders DM at once, every one acknowledged, and the server is killed with
 * kill -9 while it is still answering. Slack redelivers nothing (it got a 200 for each). After
 * the restart on the same database every founder has an answer, and nobody has two: a reply
 * Slack received in the instant before the kill is recognised by its message metadata.
 */
describe.each(KILL_POINTS)('kill -9 in the middle of a 200-DM burst (after %i answers), no redelivery', (killAfterAnswers) => {
  const databasePath = join(mkdtempSync(join(tmpdir(), 'itda-burst-crash-')), 'itda.db');
  const environment = { INDEX_DIR: copyOfBuiltIndex(), RATE_LIMIT_PER_MINUTE: '1000' };
  let slack: FakeSlackApi;
  let itda: ItdaProcess | undefined;
  const answersPerFounder = () => {
    const counts = new Map<string, number>();
    for (const call of slack.callsTo('chat.postMessage')) {
      const channel = String(call.body.channel);
      if (channel.startsWith('DBURST')) counts.set(channel, (counts.get(channel) ?? 0) + 1);
    }
    return counts;
  };

  afterAll(async () => {
    await itda?.stop();
    await slack?.close();
  });

  it('every acknowledged message is answered after the restart, none twice', async () => {
    slack = await startFakeSlackApi();
    itda = await startItdaProcess({ databasePath, slackApiUrl: slack.apiUrl, environment, startTimeoutMs: 60_000 });
    const acks = await Promise.all(
      Array.from({ length: FOUNDERS }, (_, index) =>
        itda!.send.event(
          { type: 'message', channel_type: 'im', user: `UBURST${index}`, channel: `DBURST${index}`, ts: `${1_700_300_000 + index}.000100`, text: QUESTIONS[index % QUESTIONS.length]! },
          { eventId: `EvBURST${index}` },
        ),
      ),
    );
    expect(acks.every((ack) => ack.status === 200)).toBe(true);
    while (answersPerFounder().size < killAfterAnswers) await new Promise((resolve) => setTimeout(resolve, 5));
    await itda.crash();
    const beforeRestart = answersPerFounder();
    const answeredBeforeKill = beforeRestart.size;
    expect(answeredBeforeKill).toBeLessThan(FOUNDERS);

    itda = await startItdaProcess({ databasePath, slackApiUrl: slack.apiUrl, environment, startTimeoutMs: 60_000 });
    const deadline = Date.now() + 90_000;
    while (answersPerFounder().size < FOUNDERS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await slack.settled(500);

    const after = answersPerFounder();
    const lost = FOUNDERS - after.size;
    const duplicated = [...after.values()].filter((count) => count > 1).length;
    // The figures the closing note reports.
    console.info(`kill -9 after ${answeredBeforeKill}/${FOUNDERS} answers: lost ${lost}, duplicated ${duplicated} of ${FOUNDERS}`);
    expect(lost).toBe(0);
    // A reply Slack got in the instant before the kill is found by its metadata and not posted
    // again; the issue allows at most the one message in flight to repeat.
    expect(duplicated).toBeLessThanOrEqual(1);
    const answeredAgain = [...after].filter(([channel, count]) => count > 1 && (beforeRestart.get(channel) ?? 0) === 0);
    expect(answeredAgain).toEqual([]);
  }, 150_000);
});
