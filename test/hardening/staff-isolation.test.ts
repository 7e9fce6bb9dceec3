import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/matching/load-catalog.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';
import { BOT_USER_ID } from '../fakes/fake-slack-api.js';
import { STAFF_USER, startItdaOverHttp, type ItdaOverHttp } from '../slack/start-itda-over-http.js';

const hospitals = [...new Set(loadCatalog('knowledge/hospitals').teams.map((team) => team.hospital))];

/**
 * A staff member asks for team matches in a public thread; then a founder asks a question in the
 * same thread. The matches are shown to the staff member alone, and neither the thread nor the
 * model prompt built for the founder ever contains them.
 */
describe('staff-only answers in a public thread', () => {
  let openai: FakeOpenAi;
  let itda: ItdaOverHttp;
  const thread = '1700990100.000100';
  const mention = (user: string, text: string, ts: string) =>
    itda.send.event({ type: 'app_mention', user, channel: 'CPUBLIC', ts, thread_ts: thread, text: `<@${BOT_USER_ID}> ${text}` });

  beforeAll(async () => {
    openai = await startFakeOpenAi();
    openai.setChatReply('지원금은 과제당 최대 5천만 원입니다. [1]');
    itda = await startItdaOverHttp({ OPENAI_API_KEY: 'sk-isolation', OPENAI_BASE_URL: openai.url });
  });
  afterAll(async () => {
    await itda.stop();
    await openai.close();
  });

  it("shows the staff member's match only to them (ephemeral), never in the thread", async () => {
    await mention(STAFF_USER, 'match 뇌졸중 영상', '1700990101.000100');
    const shown = await itda.slack.waitForCall('chat.postEphemeral', (call) => call.body.user === STAFF_USER);
    expect(shown.body).toMatchObject({ channel: 'CPUBLIC', thread_ts: thread });
    expect(String(shown.body.text)).toContain('병원 연구팀 후보');
    await itda.slack.settled(200);
    const inThread = itda.slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'CPUBLIC');
    for (const hospital of hospitals) expect(JSON.stringify(inThread)).not.toContain(hospital);
  });

  it("keeps the team list out of the founder's model prompt and out of the stored history", async () => {
    await mention('UFOUNDER', '지원금은 얼마까지 받을 수 있나요?', '1700990102.000100');
    await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'CPUBLIC' && String(call.body.text).includes('5천만'));
    const prompts = JSON.stringify(openai.requests.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body));
    expect(prompts).toContain('지원금은 얼마까지');
    expect(prompts).not.toContain('병원 연구팀 후보');
    expect(prompts).not.toContain('뇌졸중 영상');
    const history = JSON.stringify(await itda.running.storage.history.recent(`CPUBLIC:${thread}`, 20));
    expect(history).not.toContain('병원 연구팀 후보');
    for (const hospital of hospitals) expect(history).not.toContain(hospital);
  });
});
