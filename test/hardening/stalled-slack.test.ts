import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { startItdaOverHttp, type ItdaOverHttp } from '../slack/start-itda-over-http.js';
import { startStallingSlack, type StallingSlack } from './stalling-slack.js';
import { MEMBERSHIP_TIMEOUT_MS } from '../../src/slack/staff-channel-membership.js';

// The reply may come once the staff check gives up, plus what answering costs on a loaded 2-core machine.
const ANSWER_MARGIN_MS = 2_000;

/**
 * Slack hangs (no answer, no error) while Itda works: a staff check never blocks a non-staff
 * user, and a deploy's SIGTERM still ends within 10 s, the reply kept for the next start.
 */
describe('Slack stops answering', () => {
  let slack: FakeSlackApi;
  let stalling: StallingSlack;
  let itda: ItdaOverHttp | undefined;

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    stalling = await startStallingSlack(slack.apiUrl);
  });
  afterAll(async () => {
    await itda?.stop();
    await stalling?.close();
    await slack?.close();
  });

  it('conversations.members hanging: a non-staff "/itda help" is answered within 2 s and a staff-only path says "staff only"', async () => {
    stalling.stall('conversations.members');
    itda = await startItdaOverHttp({ SLACK_API_URL: stalling.apiUrl });
    const started = Date.now();
    await itda.send.command({ text: 'help', user_id: 'UNOTSTAFF', channel_id: 'CPUBLIC', response_url: slack.responseUrl('help'), trigger_id: 't-help' });
    const help = await slack.waitForCall('response_url', (call) => call.body.id === 'help', 5_000);
    expect(Date.now() - started).toBeLessThan(MEMBERSHIP_TIMEOUT_MS + ANSWER_MARGIN_MS);
    expect(String(help.body.text)).toContain('/itda ask');
    expect(String(help.body.text)).not.toContain('/itda match');

    // The failure is remembered: the next staff check does not wait on Slack again.
    const again = Date.now();
    await itda.send.command({ text: 'match 뇌졸중 영상', user_id: 'UCHANNELMEMBER', channel_id: 'CPUBLIC', response_url: slack.responseUrl('match'), trigger_id: 't-match' });
    const match = await slack.waitForCall('response_url', (call) => call.body.id === 'match', 5_000);
    // Shorter than the staff check's timeout: it did not wait on Slack a second time.
    expect(Date.now() - again).toBeLessThan(MEMBERSHIP_TIMEOUT_MS);
    expect(String(match.body.text)).toContain('사업 담당자만');
    expect(stalling.stalled.filter((method) => method === 'conversations.members')).toHaveLength(1);
  }, 60_000);

  it('chat.postMessage hanging: shutdown ends within 10 s, and the next start delivers the answer', async () => {
    stalling.resume();
    stalling.stall('chat.postMessage');
    await itda!.send.event({ type: 'message', channel_type: 'im', user: 'UDEPLOY', channel: 'DDEPLOY', ts: '1700950000.000100', text: '지원금은 얼마야?' }, { eventId: 'EvDEPLOY' });
    while (!stalling.stalled.includes('chat.postMessage')) await new Promise((resolve) => setTimeout(resolve, 20));

    const stopping = Date.now();
    await itda!.stop();
    expect(Date.now() - stopping).toBeLessThan(10_000);

    const databasePath = itda!.databasePath;
    itda = await startItdaOverHttp({ SLACK_API_URL: slack.apiUrl }, databasePath);
    const delivered = await slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'DDEPLOY', 10_000);
    expect(String(delivered.body.text)).toContain('5천만');
    await itda.running.recovered;
    await slack.settled(300);
    expect(slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'DDEPLOY')).toHaveLength(1);
  }, 30_000);
});
