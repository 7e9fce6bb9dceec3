import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/matching/load-catalog.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { STAFF_USER, startItdaOverHttp, type ItdaOverHttp } from './start-itda-over-http.js';

const APPLICANT = 'UAPPLICANT9';
const hospitals = [...new Set(loadCatalog('knowledge/hospitals').teams.map((team) => team.hospital))];

/** Program staff ask for candidate teams; everyone else is turned away without learning anything. */
describe('staff matching in Slack, end to end', () => {
  let itda: ItdaOverHttp;
  let ts = 1_700_200_000;
  const command = async (user: string, text: string, id: string) => {
    await itda.send.command({ text, user_id: user, channel_id: 'CSTAFF', response_url: itda.slack.responseUrl(id), trigger_id: `t-${id}` });
    return itda.slack.waitForCall('response_url', (call) => call.body.id === id);
  };
  const press = async (user: string, actionId: string, value: string) => {
    ts += 1;
    const messageTs = `${ts}.000100`;
    await itda.send.action({
      type: 'block_actions', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'x', trigger_id: `tr-${ts}`, user: { id: user },
      channel: { id: 'CSTAFF' }, message: { ts: messageTs }, container: { type: 'message', is_ephemeral: false },
      response_url: itda.slack.responseUrl(`press-${ts}`), actions: [{ type: 'button', action_id: actionId, value, block_id: 'b', action_ts: '1' }],
    });
    // Staff-only answers in a channel are ephemeral to the one who pressed; refusals are ordinary posts.
    const answer = () => itda.slack.calls.find((call) => ['chat.postMessage', 'chat.postEphemeral'].includes(call.method) && call.body.thread_ts === messageTs);
    for (let waited = 0; !answer() && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    return answer()!;
  };
  const buttonsOf = (blocks: unknown) =>
    ((blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((block) => block.type === 'actions')?.elements ?? []);

  beforeAll(async () => {
    itda = await startItdaOverHttp();
  });
  afterAll(() => itda.stop());

  let moreValue = '';

  it('gives staff the top five teams for "/itda match 뇌졸중 영상", each with reasons and assets', async () => {
    const posted = await command(STAFF_USER, 'match 뇌졸중 영상', 'staff1');
    const text = String(posted.body.text);
    expect(text).toContain('"뇌졸중 영상"에 대한 병원 연구팀 후보');
    expect(text).toMatch(/\*1\. .+ — .+\*/);
    expect(text).toContain('*5. ');
    expect(text).not.toContain('*6. ');
    expect(text).toContain('질환: 뇌졸중 — 충족');
    expect(text).toContain('자산:');
    const more = buttonsOf(posted.body.blocks).find((button) => button.action_id === 'match_more');
    expect(more).toBeDefined();
    moreValue = more!.value;
  });

  it('shows the next five when staff press "더 보기"', async () => {
    const posted = await press(STAFF_USER, 'match_more', moreValue);
    expect(posted.method).toBe('chat.postEphemeral');
    expect(posted.body.user).toBe(STAFF_USER);
    expect(String(posted.body.text)).toContain('6–');
    expect(String(posted.body.text)).toContain('*6. ');
  });

  it('politely refuses a user who is not staff, naming no team or hospital', async () => {
    const posted = await command(APPLICANT, 'match 뇌졸중 영상', 'applicant1');
    const text = String(posted.body.text);
    expect(text).toContain('사업 담당자만');
    for (const hospital of hospitals) expect(text).not.toContain(hospital);
    expect(JSON.stringify(posted.body.blocks ?? [])).not.toContain('match_more');
  });

  it('refuses the "더 보기" and "팀 추천" buttons to a user who is not staff', async () => {
    for (const [actionId, value] of [['match_more', moreValue], ['match_submission', STAFF_USER]] as const) {
      const posted = await press(APPLICANT, actionId, value);
      const text = String(posted.body.text);
      expect(text, actionId).toContain('사업 담당자만');
      for (const hospital of hospitals) expect(text, actionId).not.toContain(hospital);
    }
  });

  it('records each staff request in the audit log, and nothing for the refused ones', async () => {
    const storage = await openStorage(itda.databasePath);
    const entries = await storage.audit.recent(20);
    await storage.database.close();
    expect(entries.map((entry) => [entry.actorId, entry.action])).toEqual(
      expect.arrayContaining([[STAFF_USER, 'match'], [STAFF_USER, 'match_more']]),
    );
    expect(entries.find((entry) => entry.action === 'match')!.detail).toEqual({ need: '뇌졸중 영상' });
    expect(entries.some((entry) => entry.actorId === APPLICANT)).toBe(false);
  });
});
