import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_ID, BOT_USER_ID } from '../fakes/fake-slack-api.js';
import { startItdaOverHttp, wait, type ItdaOverHttp } from './start-itda-over-http.js';

describe('Itda in Slack, end to end over signed HTTP', () => {
  let itda: ItdaOverHttp;
  beforeAll(async () => {
    itda = await startItdaOverHttp();
  });
  afterAll(async () => {
    await itda.stop();
  });

  it('reports health with database and knowledge status on GET /healthz', async () => {
    const response = await fetch(itda.url.replace('/slack/events', '/healthz'));
    expect(response.status).toBe(200);
    const report = (await response.json()) as { ok: boolean; database: { schemaVersion: number }; knowledge: unknown };
    expect(report.ok).toBe(true);
    expect(report.database.schemaVersion).toBeGreaterThan(0);
    expect(report.knowledge).toBeDefined();
  });

  it('answers url_verification with the challenge', async () => {
    const response = await itda.send.envelope({ type: 'url_verification', challenge: 'challenge-123', token: 'legacy' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('challenge-123');
  });

  it('rejects a request with a bad signature with 401', async () => {
    const response = await itda.send.envelope({ type: 'event_callback', event: {} }, { signature: 'v0=deadbeef' });
    expect(response.status).toBe(401);
  });

  it('answers a mention in the thread of the mention', async () => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    const response = await itda.send.event({ type: 'app_mention', user: 'U100', channel: 'CGENERAL', ts: '1700000100.000100', text: `<@${BOT_USER_ID}> 지원금은 얼마야?` });
    expect(response.status).toBe(200);
    const [reply] = (await itda.slack.waitFor('chat.postMessage', before + 1)).slice(before);
    expect(reply!.body).toMatchObject({ channel: 'CGENERAL', thread_ts: '1700000100.000100' });
    expect(String(reply!.body.text)).toContain('50,000,000');
    expect(JSON.stringify(reply!.body.blocks)).toContain('feedback_up');
  });

  it('answers a follow-up in a thread it is part of, without a mention', async () => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'message', channel_type: 'channel', user: 'U100', channel: 'CGENERAL', ts: '1700000101.000100', thread_ts: '1700000100.000100', text: '마감은 언제야?' });
    const [reply] = (await itda.slack.waitFor('chat.postMessage', before + 1)).slice(before);
    expect(reply!.body).toMatchObject({ channel: 'CGENERAL', thread_ts: '1700000100.000100' });
    expect(String(reply!.body.text)).toContain('2025-04-28');
  });

  it('answers a direct message in the DM', async () => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'message', channel_type: 'im', user: 'U200', channel: 'D200', ts: '1700000200.000100', text: 'When is the deadline?' });
    const [reply] = (await itda.slack.waitFor('chat.postMessage', before + 1)).slice(before);
    expect(reply!.body.channel).toBe('D200');
    expect(reply!.body.thread_ts).toBeUndefined();
    expect(String(reply!.body.text)).toMatch(/closed on 28 April 2025/);
  });

  it('ignores its own messages, other bots, edits and other subtypes', async () => {
    const before = itda.slack.calls.length;
    await itda.send.event({ type: 'message', channel_type: 'im', user: BOT_USER_ID, bot_id: BOT_ID, channel: 'D200', ts: '1700000300.000100', text: 'echo' });
    await itda.send.event({ type: 'message', subtype: 'bot_message', channel_type: 'im', bot_id: 'BOTHER', channel: 'D200', ts: '1700000301.000100', text: 'other bot' });
    await itda.send.event({ type: 'message', subtype: 'message_changed', channel_type: 'im', channel: 'D200', ts: '1700000302.000100', message: { text: 'edited' } });
    await wait(300);
    expect(itda.slack.calls.slice(before).filter((call) => call.method === 'chat.postMessage')).toHaveLength(0);
  });

  it('answers a retried event once', async () => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    const event = { type: 'message', channel_type: 'im', user: 'U300', channel: 'D300', ts: '1700000400.000100', text: '지원금은 얼마야?' };
    await itda.send.event(event, { eventId: 'EvRETRY1' });
    await itda.send.event(event, { eventId: 'EvRETRY1', retryNum: 1 });
    await itda.send.event(event, { eventId: 'EvRETRY1', retryNum: 2 });
    await itda.slack.waitFor('chat.postMessage', before + 1);
    await wait(300);
    expect(itda.slack.callsTo('chat.postMessage').slice(before).filter((call) => call.body.channel === 'D300')).toHaveLength(1);
  });

  it('stores a 👍 with the question, answer and sources it was about', async () => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'message', channel_type: 'im', user: 'U700', channel: 'D700', ts: '1700000700.000100', text: '지원금은 얼마야?' });
    const [answer] = (await itda.slack.waitFor('chat.postMessage', before + 1)).slice(before);
    const actions = (answer!.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((block) => block.type === 'actions');
    const thumbsUp = actions!.elements!.find((element) => element.action_id === 'feedback_up')!;
    await itda.send.action({
      type: 'block_actions', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'legacy', trigger_id: 'tr1', user: { id: 'U700' },
      channel: { id: 'D700' }, message: { ts: '1700000701.000100' }, container: { type: 'message', is_ephemeral: false },
      response_url: itda.slack.responseUrl('vote1'), actions: [{ type: 'button', action_id: 'feedback_up', value: thumbsUp.value, block_id: 'b1', action_ts: '1' }],
    });
    const thanks = await itda.slack.waitForCall('response_url', (call) => call.body.id === 'vote1');
    expect(String(thanks.body.text)).toContain('고맙습니다');
  });

  it('answers /itda help privately through response_url', async () => {
    const response = await itda.send.command({ text: 'help', user_id: 'U400', channel_id: 'CGENERAL', response_url: itda.slack.responseUrl('help1'), trigger_id: 't1' });
    expect(response.status).toBe(200);
    const posted = await itda.slack.waitForCall('response_url', (call) => call.body.id === 'help1');
    expect(posted.body.response_type).toBe('ephemeral');
    expect(String(posted.body.text)).toContain('/itda apply');
    expect(String(posted.body.text)).not.toContain('/itda match');
  });

  it('gives the help for an unknown subcommand', async () => {
    await itda.send.command({ text: 'dance', user_id: 'U400', channel_id: 'CGENERAL', response_url: itda.slack.responseUrl('unknown1'), trigger_id: 't2' });
    const posted = await itda.slack.waitForCall('response_url', (call) => call.body.id === 'unknown1');
    expect(String(posted.body.text)).toContain('"dance"');
  });

  it('publishes App Home when the home tab opens', async () => {
    await itda.send.event({ type: 'app_home_opened', user: 'U500', channel: 'D500', tab: 'home' });
    const [publish] = await itda.slack.waitFor('views.publish');
    expect(publish!.body.user_id).toBe('U500');
    expect(JSON.stringify(publish!.body.view)).toContain('내 연구계획서 초안');
  });

  it('opens an assistant thread with suggested prompts and answers with a status and a stream', async () => {
    await itda.send.event({
      type: 'assistant_thread_started',
      assistant_thread: { user_id: 'U600', channel_id: 'D600', thread_ts: '1700000600.000100', context: {} },
    });
    const [prompts] = await itda.slack.waitFor('assistant.threads.setSuggestedPrompts');
    expect(JSON.stringify(prompts!.body.prompts)).toContain('신청서 작성할래요');
    await itda.send.event({ type: 'message', channel_type: 'im', user: 'U600', channel: 'D600', ts: '1700000601.000100', thread_ts: '1700000600.000100', text: '지원금은 얼마야?' });
    const [status] = await itda.slack.waitFor('assistant.threads.setStatus');
    expect(status!.body.status).toBe('답변을 찾는 중…');
    await itda.slack.waitFor('chat.stopStream');
    const streamed = ['chat.startStream', 'chat.appendStream', 'chat.stopStream'].flatMap((method) => itda.slack.callsTo(method));
    expect(JSON.stringify(streamed)).toContain('50,000,000');
    expect(JSON.stringify(itda.slack.callsTo('chat.stopStream')[0]!.body.blocks)).toContain('feedback_up');
  });
});
