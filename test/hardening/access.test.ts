import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID } from '../fakes/fake-slack-api.js';
import { KOREAN_ANSWERS } from '../pre-application/transcript.js';
import { STAFF_USER, startItdaOverHttp, type ItdaOverHttp } from '../slack/start-itda-over-http.js';

const APPLICANT = 'UAPPLICANT1';
const OUTSIDER = 'UOUTSIDER1';
const TITLE = '흉부 CT 기반 폐결절 악성도 예측 AI의 다기관 성능 검증';
const COMPANY = '주식회사 잇다헬스';
const REFUSAL = '사업 담당자만';

/**
 * Staff-only paths asked for by someone who is not staff, through every door Slack offers.
 * test/slack/staff-matching.e2e.test.ts covers `/itda match` and the two buttons with staff's
 * own values; here: the typed and mentioned forms, App Home, and buttons aimed at a real
 * applicant's submitted draft.
 */
describe('what a user who is not staff can reach', () => {
  let itda: ItdaOverHttp;
  let ts = 1_700_900_000;
  const nextTs = () => `${(ts += 1)}.000100`;
  const postsSince = async (before: number) => {
    await itda.slack.waitFor('chat.postMessage', before + 1);
    await itda.slack.settled(100);
    return itda.slack.callsTo('chat.postMessage').slice(before);
  };
  const dm = async (user: string, text: string) => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'message', channel_type: 'im', user, channel: `D${user.slice(1)}`, ts: nextTs(), text });
    return (await postsSince(before)).map((call) => `${String(call.body.text)}\n${JSON.stringify(call.body.blocks ?? [])}`).join('\n');
  };
  const press = async (user: string, actionId: string, value: string) => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.action({
      type: 'block_actions', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'legacy', trigger_id: `tr-${ts}`, user: { id: user },
      channel: { id: `D${user.slice(1)}` }, message: { ts: nextTs() }, container: { type: 'message', is_ephemeral: false },
      response_url: itda.slack.responseUrl(`press-${ts}`), actions: [{ type: 'button', action_id: actionId, value, block_id: 'b', action_ts: '1' }],
    });
    return (await postsSince(before)).map((call) => `${String(call.body.text)}\n${JSON.stringify(call.body.blocks ?? [])}`).join('\n');
  };
  const home = async (user: string) => {
    const before = itda.slack.callsTo('views.publish').length;
    await itda.send.event({ type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home' });
    const [published] = (await itda.slack.waitFor('views.publish', before + 1)).slice(before);
    return JSON.stringify(published!.body.view);
  };
  const expectNothingOfTheApplicant = (text: string) => {
    expect(text).not.toContain(TITLE);
    expect(text).not.toContain(COMPANY);
    expect(text).not.toContain(APPLICANT);
  };

  beforeAll(async () => {
    itda = await startItdaOverHttp();
    await dm(APPLICANT, '신청서 작성할래요');
    for (const [answer] of KOREAN_ANSWERS) await dm(APPLICANT, answer);
    await press(APPLICANT, 'preapp_submit', 'submit');
    await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'CSTAFF');
  });
  afterAll(() => itda.stop());

  it('staff see the submission on App Home (so the checks below can fail)', async () => {
    const view = await home(STAFF_USER);
    expect(view).toContain(TITLE);
    expect(view).toContain('match_submission');
  });

  it('App Home shows an outsider their own (empty) draft and no submissions section', async () => {
    const view = await home(OUTSIDER);
    expect(view).toContain('아직 없습니다');
    expect(view).not.toContain('최근 제출된 사전 신청서');
    expect(view).not.toContain('match_submission');
    expectNothingOfTheApplicant(view);
  });

  it('refuses "match …" typed in a DM, in English and Korean, and "/itda match" typed', async () => {
    for (const typed of ['match 뇌졸중 영상 데이터', '매칭 폐결절 CT', '/itda match lung CT']) {
      const reply = await dm(OUTSIDER, typed);
      expect(reply, typed).toMatch(/사업 담당자만|program staff only/);
      expect(reply, typed).not.toContain('match_more');
    }
  });

  it('refuses "match …" in a channel mention', async () => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'app_mention', user: OUTSIDER, channel: 'CGENERAL', ts: nextTs(), text: `<@${BOT_USER_ID}> match 뇌졸중 영상` });
    const [reply] = await postsSince(before);
    expect(String(reply!.body.text)).toContain(REFUSAL);
  });

  it('refuses "팀 추천" aimed at a real submitted draft, revealing nothing of it', async () => {
    const reply = await press(OUTSIDER, 'match_submission', APPLICANT);
    expect(reply).toContain(REFUSAL);
    expectNothingOfTheApplicant(reply);
  });

  it('exports only the caller’s own draft, whatever value the button carries', async () => {
    const uploadsBefore = itda.slack.callsTo('files.completeUploadExternal').length;
    for (const [actionId, value] of [['preapp_export_md', APPLICANT], ['preapp_export_docx', APPLICANT]] as const) {
      const reply = await press(OUTSIDER, actionId, value);
      expect(reply, actionId).toContain('내보낼 초안이 없습니다');
      expectNothingOfTheApplicant(reply);
    }
    expect(itda.slack.callsTo('files.completeUploadExternal')).toHaveLength(uploadsBefore);
  });

  it('"/itda plan" and "상태" show an outsider no one else’s draft', async () => {
    await itda.send.command({ text: 'plan', user_id: OUTSIDER, channel_id: 'CGENERAL', response_url: itda.slack.responseUrl('plan-outsider'), trigger_id: 't-plan' });
    const plan = await itda.slack.waitForCall('response_url', (call) => call.body.id === 'plan-outsider');
    expect(String(plan.body.text)).toContain('아직 초안이 없습니다');
    expectNothingOfTheApplicant(await dm(OUTSIDER, '상태'));
  });

  it('"/itda forget" by an outsider deletes only their own data', async () => {
    await press(OUTSIDER, 'forget_confirm', APPLICANT);
    const view = await home(APPLICANT);
    expect(view).toContain('제출됨');
  });
});
