import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KOREAN_ANSWERS } from '../pre-application/transcript.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { startItdaOverHttp, type ItdaOverHttp } from './start-itda-over-http.js';

/** A founder drafts the research plan in a DM, downloads it as Word, and submits it to staff. */
describe('pre-application in a Slack DM, end to end', () => {
  let itda: ItdaOverHttp;
  let ts = 1_700_100_000;
  const dm = async (text: string) => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    ts += 1;
    await itda.send.event({ type: 'message', channel_type: 'im', user: 'UFOUNDER', channel: 'DFOUNDER', ts: `${ts}.000100`, text });
    await itda.slack.waitFor('chat.postMessage', before + 1);
    await itda.slack.settled();
    return itda.slack.callsTo('chat.postMessage').slice(before).map((call) => String(call.body.text)).join('\n');
  };
  const press = (actionId: string, value: string) =>
    itda.send.action({
      type: 'block_actions', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'legacy', trigger_id: `tr-${actionId}`, user: { id: 'UFOUNDER' },
      channel: { id: 'DFOUNDER' }, message: { ts: `${ts}.000200` }, container: { type: 'message', is_ephemeral: false },
      response_url: itda.slack.responseUrl(actionId), actions: [{ type: 'button', action_id: actionId, value, block_id: 'b', action_ts: '1' }],
    });

  beforeAll(async () => {
    // Twenty answers and two buttons inside one test minute; a founder typing takes far longer.
    itda = await startItdaOverHttp({ RATE_LIMIT_PER_MINUTE: '40' });
  });
  afterAll(() => itda.stop());

  it('asks one question at a time, answers a question mid-form, and drafts the plan', async () => {
    expect(await dm('신청서 작성할래요')).toContain('[1/21] 회사명');
    const [first, second] = KOREAN_ANSWERS;
    expect(await dm(first![0])).toContain(first![1]);
    expect(await dm('마감 언제야?')).toContain('2025년 4월 28일');
    expect(await dm(second![0])).toContain(second![1]);
    for (const [answer, expected] of KOREAN_ANSWERS.slice(2)) expect(await dm(answer), `after "${answer}"`).toContain(expected);
  });

  it('keeps the contact e-mail in the draft, where it was asked for, but never in the conversation history', async () => {
    const storage = await openStorage(itda.databasePath);
    const draft = await storage.drafts.load('UFOUNDER');
    expect(JSON.stringify(draft?.state)).toContain('itda@example.com');
    const history = await storage.database.all<{ text: string }>("SELECT text FROM conversation_turns WHERE user_id = 'UFOUNDER'");
    expect(JSON.stringify(history)).not.toContain('itda@example.com');
    expect(JSON.stringify(history)).toContain('[이메일]');
    await storage.database.close();
  });

  it('uploads the Word draft to the DM when the button is pressed', async () => {
    await press('preapp_export_docx', 'docx');
    const [complete] = await itda.slack.waitFor('files.completeUploadExternal');
    expect(complete!.body.channel_id).toBe('DFOUNDER');
    expect(String(itda.slack.callsTo('files.getUploadURLExternal')[0]!.body.filename)).toMatch(/\.docx$/);
    expect([...itda.slack.uploads.values()].some((bytes) => bytes.includes(Buffer.from('PK\x03\x04', 'latin1')))).toBe(true);
  });

  it('submits to the staff channel with a "팀 추천" button, and shows the status on App Home', async () => {
    await press('preapp_submit', 'submit');
    const staffPost = await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'CSTAFF');
    expect(String(staffPost.body.text)).toContain('흉부 CT 기반 폐결절 악성도 예측 AI의 다기관 성능 검증');
    expect(JSON.stringify(staffPost.body.blocks)).toContain('match_submission');
    await itda.send.event({ type: 'app_home_opened', user: 'UFOUNDER', channel: 'DFOUNDER', tab: 'home' });
    const home = await itda.slack.waitForCall('views.publish', (call) => call.body.user_id === 'UFOUNDER');
    expect(JSON.stringify(home.body.view)).toContain('제출됨');
  });
});
