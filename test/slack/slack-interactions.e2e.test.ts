import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedCall } from '../fakes/fake-slack-api.js';
import { replay, type FixtureKind } from './replay-fixture.js';
import { startItdaOverHttp, STAFF_USER, type ItdaOverHttp } from './start-itda-over-http.js';

/**
 * Every /itda subcommand and every button Itda puts in a message, replayed from real-shaped
 * payloads (test/slack/fixtures/commands, actions) against the real Bolt app.
 */
describe('slash commands and buttons as Slack sends them', () => {
  let itda: ItdaOverHttp;
  let counter = 0;
  /** Sends a fixture; waits for the response_url post (or `awaited` call) it must cause, then for quiet. */
  const send = async (kind: FixtureKind, name: string, values: Record<string, string> = {}, awaited?: string) => {
    counter += 1;
    const id = `${name}-${counter}`;
    const mark = itda.slack.calls.length;
    const response = await replay(itda.send, kind, name, { response_url: itda.slack.responseUrl(id), message_ts: `17261346${counter}.000100`, ...values });
    expect(response.status, name).toBe(200);
    // A command always answers on its response_url; wait for that before waiting for quiet.
    if (kind === 'commands') await itda.slack.waitForCall('response_url', (call) => call.body.id === id, 30_000);
    if (awaited === 'response_url') await itda.slack.waitForCall('response_url', (call) => call.body.id === id, 30_000);
    else if (awaited) await itda.slack.waitForCall(awaited, (call) => itda.slack.calls.indexOf(call) >= mark, 30_000);
    await itda.slack.settled(300);
    const calls = itda.slack.calls.slice(mark);
    return { calls, responses: calls.filter((call) => call.method === 'response_url' && call.body.id === id) };
  };
  const dmAnswer = async (channel: string, user: string, text: string): Promise<RecordedCall> => {
    counter += 1;
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'message', channel_type: 'im', user, channel, ts: `17261347${counter}.000100`, text });
    const [answer] = (await itda.slack.waitFor('chat.postMessage', before + 1, 30_000)).slice(before);
    await itda.slack.settled(300);
    return answer!;
  };
  const actionValue = (call: RecordedCall, actionId: string) =>
    (call.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === actionId)!.value;

  beforeAll(async () => {
    itda = await startItdaOverHttp();
  });
  afterAll(() => itda.stop());

  it('/itda help: privately, with its own text escaped', async () => {
    const { responses } = await send('commands', 'itda-help');
    expect(responses[0]!.body.response_type).toBe('ephemeral');
    expect(String(responses[0]!.body.text)).toContain('`/itda ask &lt;질문&gt;`');
  });

  it('/itda ask with text Slack escaped: answered from what was typed', async () => {
    const { responses } = await send('commands', 'itda-ask');
    expect(String(responses[0]!.body.text)).toContain('50,000,000');
  });

  it.each([
    ['itda-deadline', '2025'],
    ['itda-eligibility', '성동구'],
    ['itda-plan', '/itda apply'],
    ['itda-forget', 'forget_confirm'],
  ])('/itda %s: answered privately', async (name, expected) => {
    const { responses } = await send('commands', name);
    expect(responses[0]!.body.response_type).toBe('ephemeral');
    expect(`${String(responses[0]!.body.text)}${JSON.stringify(responses[0]!.body.blocks ?? '')}`).toContain(expected);
  });

  it('/itda apply: the form goes on in a DM, the channel gets a private pointer to it', async () => {
    const { calls, responses } = await send('commands', 'itda-apply');
    expect(calls.find((call) => call.method === 'conversations.open')!.body.users).toBe('U0FOUNDER8');
    expect(calls.find((call) => call.method === 'chat.postMessage')!.body.channel).toBe('D0FOUNDER8');
    expect(String(responses[0]!.body.text)).toContain('DM');
  });

  it('/itda match by staff: candidate teams, privately, with "more" and a working match_more button', async () => {
    const { responses } = await send('commands', 'itda-match');
    const reply = responses.find((response) => JSON.stringify(response.body.blocks ?? '').includes('match_more'));
    expect(reply).toBeDefined();
    const more = (reply!.body.blocks as { elements?: { action_id: string; value: string }[] }[]).flatMap((block) => block.elements ?? []).find((element) => element.action_id === 'match_more')!;
    const { calls } = await send('actions', 'match-more', { match_more_value: more.value }, 'chat.postMessage');
    expect(calls.filter((call) => call.method === 'chat.postMessage').length).toBeGreaterThan(0);
  });

  it('feedback_up and feedback_down on an answer: thanked privately', async () => {
    const answer = await dmAnswer('D0FOUNDER2', 'U0FOUNDER2', '지원금은 얼마야?');
    const feedbackId = actionValue(answer, 'feedback_up');
    for (const name of ['feedback-up', 'feedback-down']) {
      const { responses } = await send('actions', name, { feedback_id: feedbackId }, 'response_url');
      expect(String(responses[0]!.body.text)).toContain('고맙습니다');
    }
  });

  it('forget_cancel on the ephemeral prompt: the prompt itself says nothing was deleted; nothing is posted in the DM', async () => {
    const { calls, responses } = await send('actions', 'forget-cancel-ephemeral', {}, 'response_url');
    expect(responses[0]!.body).toMatchObject({ replace_original: true });
    expect(String(responses[0]!.body.text)).toContain('삭제를 취소했습니다');
    expect(calls.filter((call) => call.method === 'chat.postMessage' || call.method === 'conversations.open')).toEqual([]);
  });

  it('forget_confirm on the ephemeral prompt: the prompt is replaced by the confirmation', async () => {
    await dmAnswer('D0FOUNDER9', 'U0FOUNDER9', '지원금은 얼마야?');
    const { responses } = await send('actions', 'forget-confirm-ephemeral', {}, 'response_url');
    expect(responses[0]!.body).toMatchObject({ replace_original: true });
    expect(String(responses[0]!.body.text)).toMatch(/삭제/);
  });

  describe('a research-plan document shared in a DM', () => {
    let fileValue = '';
    beforeAll(async () => {
      const mark = itda.slack.calls.length;
      await replay(itda.send, 'events', 'message-im-file-share-plan');
      await itda.slack.waitForCall('chat.postMessage', (call) => JSON.stringify(call.body.blocks ?? '').includes('plan_document_staff'), 30_000);
      await itda.slack.settled(300);
      const offer = itda.slack.calls.slice(mark).find((call) => JSON.stringify(call.body.blocks ?? '').includes('plan_document_staff'))!;
      fileValue = actionValue(offer, 'plan_document_staff');
    });

    it('plan_document_staff: the staff channel gets the file as a labelled Slack link, the founder a private confirmation', async () => {
      const { calls, responses } = await send('actions', 'plan-document-staff', { file_value: fileValue }, 'response_url');
      const staffPost = calls.find((call) => call.method === 'chat.postMessage' && call.body.channel === 'CSTAFF')!;
      expect(String(staffPost.body.text)).toContain('<https://itda-test.slack.com/files/U0FOUNDER3/F0PLAN0001/연구계획서_초안_v2.docx|연구계획서_초안_v2.docx>');
      expect(String(staffPost.body.text)).toContain('<@U0FOUNDER3>');
      expect(String(responses[0]!.body.text)).toContain('담당자에게 전달했습니다');
    });

    it('plan_document_staff with a forged link: the staff channel gets the name only, escaped', async () => {
      const forged = JSON.stringify({ name: '<!channel> 서류', permalink: 'https://evil.example/upload' });
      const { calls } = await send('actions', 'plan-document-staff', { file_value: forged }, 'response_url');
      const staffPost = calls.find((call) => call.method === 'chat.postMessage' && call.body.channel === 'CSTAFF')!;
      expect(String(staffPost.body.text)).not.toContain('evil.example');
      expect(String(staffPost.body.text)).toContain('&lt;!channel&gt; 서류');
    });

    it('plan_document_form: the form starts in the DM', async () => {
      const mark = itda.slack.calls.length;
      await send('actions', 'plan-document-form', { file_value: fileValue }, 'chat.postMessage');
      await itda.slack.waitForCall('chat.postMessage', (call) => String(call.body.text).includes('회사명'), 30_000);
      const calls = itda.slack.calls.slice(mark);
      const questions = calls.filter((call) => call.method === 'chat.postMessage' && call.body.channel === 'D0FOUNDER3');
      expect(questions.map((call) => String(call.body.text)).join('\n')).toContain('회사명');
    });

    it('an answer Slack escaped is stored and exported as typed: preapp_export_md', async () => {
      const answer = await dmAnswer('D0FOUNDER3', 'U0FOUNDER3', 'AI &amp; 빅데이터 &lt;1차&gt; 주식회사');
      expect(String(answer.body.text)).toContain('AI &amp; 빅데이터 &lt;1차&gt;');
      expect(String(answer.body.text)).not.toContain('&amp;amp;');
      const mark = itda.slack.uploads.size;
      await send('actions', 'preapp-export-md', {}, 'files.completeUploadExternal');
      const markdown = [...itda.slack.uploads.values()].slice(mark).map((bytes) => bytes.toString('utf8')).join('\n');
      expect(markdown).toContain('AI & 빅데이터 <1차>');
      expect(markdown).not.toContain('&amp;');
    });

    it('preapp_export_docx pressed on App Home: the file goes to the DM and Home is refreshed', async () => {
      const uploads = itda.slack.callsTo('files.completeUploadExternal').length;
      const homes = itda.slack.callsTo('views.publish').length;
      await send('actions', 'preapp-export-docx-home');
      // Rendering Word takes longer than the quiet period: wait for the calls themselves.
      const [upload] = (await itda.slack.waitFor('files.completeUploadExternal', uploads + 1, 30_000)).slice(uploads);
      expect(upload!.body.channel_id).toBe('D0FOUNDER3');
      await itda.slack.waitFor('views.publish', homes + 1, 30_000);
    });

    it('preapp_submit on an unfinished draft: says what is missing, staff hear nothing', async () => {
      const { calls } = await send('actions', 'preapp-submit', {}, 'chat.postMessage');
      expect(calls.filter((call) => call.method === 'chat.postMessage' && call.body.channel === 'CSTAFF')).toEqual([]);
      expect(calls.some((call) => call.method === 'chat.postMessage' && call.body.channel === 'D0FOUNDER3')).toBe(true);
    });
  });

  it('a button whose answer Slack refuses: the apology goes only to the one who pressed it', async () => {
    itda.slack.failNext('chat.postMessage', 'internal_error', 3);
    const { responses } = await send('actions', 'match-submission', {}, 'response_url');
    expect(responses[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(responses[0]!.body.text)).toMatch(/참조 번호: [0-9a-f]{8}/);
  });

  it('match_submission pressed by staff: an answer in the staff thread', async () => {
    const { calls } = await send('actions', 'match-submission', {}, 'chat.postMessage');
    const reply = calls.find((call) => call.method === 'chat.postMessage')!;
    expect(reply.body.channel).toBe('CSTAFF');
    expect(STAFF_USER).toBe('USTAFF01');
  });
});
