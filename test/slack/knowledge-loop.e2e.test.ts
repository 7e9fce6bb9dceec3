import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/report-command.js';
import { openStorage } from '../../src/storage/open-storage.js';
import type { RecordedCall } from '../fakes/fake-slack-api.js';
import { STAFF_USER, startItdaOverHttp, type ItdaOverHttp } from './start-itda-over-http.js';

const FOUNDER = 'UFOUNDER1';
const SECOND_FOUNDER = 'UFOUNDER2';
const LATER_FOUNDER = 'UFOUNDER3';
const QUESTION = '지원금에 부가세(VAT)가 포함되나요? <!channel> <https://evil.example|공식 안내>';
const STAFF_ANSWER = '지원금 5천만 원은 부가세를 포함한 금액입니다. 세금계산서는 공동연구 병원이 발행합니다.';

/**
 * The knowledge loop through the real Bolt app and the fake Slack: a question the documents do
 * not answer becomes a ticket in the staff channel, a second founder asking the same joins it,
 * staff answer in a modal, both founders get the answer, and a later founder is answered from it.
 */
describe('the program office knowledge loop, end to end', () => {
  let itda: ItdaOverHttp;
  let knowledgeDir: string;
  let ts = 1_700_300_000;
  const transcript: string[] = [];

  const dm = async (user: string, text: string) => {
    ts += 1;
    const channel = `D${user.slice(1)}`;
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.event({ type: 'message', channel_type: 'im', channel, user, text, ts: `${ts}.000100` });
    transcript.push(`[${channel}] ${user}: ${text}`);
    const reply = await waitForNew('chat.postMessage', before, (call) => call.body.channel === channel);
    await itda.slack.settled();
    return reply;
  };
  const waitForNew = async (method: string, before: number, matches: (call: RecordedCall) => boolean) => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const found = itda.slack.callsTo(method).slice(before).find(matches);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no new ${method}`);
  };
  const press = async (user: string, actionId: string, value: string, channel = 'CSTAFF') => {
    ts += 1;
    await itda.send.action({
      type: 'block_actions', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'x', trigger_id: `trigger-${ts}`, user: { id: user, name: 'staff' },
      channel: { id: channel }, message: { ts: `${ts}.000100` }, container: { type: 'message', is_ephemeral: false },
      response_url: itda.slack.responseUrl(`press-${ts}`), actions: [{ type: 'button', action_id: actionId, value, block_id: 'b', action_ts: '1' }],
    });
    return `trigger-${ts}`;
  };
  const buttonsOf = (blocks: unknown) =>
    ((blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((block) => block.type === 'actions')?.elements ?? []);
  const slackText = (call: RecordedCall) => {
    const blocks = (call.body.blocks ?? []) as { type: string; text?: { text: string }; elements?: { text?: string | { text: string } }[] }[];
    const lines = blocks.flatMap((block) =>
      block.type === 'actions'
        ? [`[${(block.elements ?? []).map((element) => (typeof element.text === 'object' ? element.text.text : '')).join('] [')}]`]
        : block.text ? [block.text.text] : (block.elements ?? []).map((element) => (typeof element.text === 'string' ? element.text : '')),
    );
    return lines.length > 0 ? lines.join('\n') : String(call.body.text);
  };

  beforeAll(async () => {
    knowledgeDir = join(mkdtempSync(join(tmpdir(), 'itda-loop-knowledge-')), 'knowledge');
    cpSync('knowledge', knowledgeDir, { recursive: true });
    itda = await startItdaOverHttp({ KNOWLEDGE_DIR: knowledgeDir, CATALOG_PATH: join(knowledgeDir, 'hospitals') });
  }, 60_000);
  afterAll(async () => {
    await itda?.stop();
    process.stdout.write(`\n--- knowledge loop as the fake Slack received it ---\n${transcript.join('\n\n')}\n`);
  });

  let staffMessage: RecordedCall;
  let laterAnswer: RecordedCall;
  const pressed = (id: string) => itda.slack.waitForCall('response_url', (call) => call.body.id === id);

  it('opens a ticket for a question the documents do not answer and tells the founder in one line', async () => {
    const before = itda.slack.callsTo('chat.postMessage').length;
    const reply = await dm(FOUNDER, QUESTION);
    transcript.push(`[${reply.body.channel}] Itda: ${slackText(reply)}`);
    expect(slackText(reply)).toContain('사업 자료(knowledge)에는 이 질문에 대한 내용이 없습니다');
    expect(slackText(reply)).toContain('사업 담당자에게 전달했습니다 (문의 #1)');
    staffMessage = await waitForNew('chat.postMessage', before, (call) => call.body.channel === 'CSTAFF');
    transcript.push(`[CSTAFF] Itda: ${slackText(staffMessage)}`);
    const text = JSON.stringify(staffMessage.body.blocks);
    expect(text).toContain('문의 #1');
    expect(text).toContain('지원금에 부가세(VAT)가 포함되나요?');
    expect(text).toContain('1명 문의');
    // The founder's mention and labelled link arrive as inert text.
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil.example|');
    expect(buttonsOf(staffMessage.body.blocks).map((button) => button.action_id)).toEqual(['ticket_answer', 'ticket_existing', 'ticket_resolve']);
  });

  it('adds a second founder asking the same thing to the open ticket instead of opening another', async () => {
    const before = itda.slack.callsTo('chat.update').length;
    const reply = await dm(SECOND_FOUNDER, '부가세도 지원금에 포함되나요?');
    transcript.push(`[${reply.body.channel}] Itda: ${slackText(reply)}`);
    expect(slackText(reply)).toContain('(문의 #1)');
    const updated = await waitForNew('chat.update', before, (call) => call.body.channel === 'CSTAFF');
    transcript.push(`[CSTAFF] Itda (chat.update): ${slackText(updated)}`);
    expect(JSON.stringify(updated.body.blocks)).toContain('2명 문의');
    // The second founder's reply names no other founder's question.
    expect(JSON.stringify(reply.body)).not.toContain('VAT');
    expect(itda.slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'CSTAFF')).toHaveLength(1);
  });

  it('refuses the ticket buttons to a founder', async () => {
    await press(FOUNDER, 'ticket_answer', '1');
    const refused = await itda.slack.waitForCall('response_url', (call) => String(call.body.text).includes('사업 담당자만'));
    expect(JSON.stringify(refused.body)).not.toContain('부가세');
    expect(itda.slack.callsTo('views.open')).toHaveLength(0);
  });

  it('opens the answer modal for staff, and sends the submitted answer to both founders where they asked', async () => {
    const trigger = await press(STAFF_USER, 'ticket_answer', '1');
    const opened = await itda.slack.waitForCall('views.open', (call) => call.body.trigger_id === trigger);
    const view = opened.body.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe('ticket_answer_modal');
    expect(view.blocks.map((block) => block.block_id).filter(Boolean)).toEqual(['answer', 'language', 'answer_other', 'phrasings', 'knowledge']);

    const before = itda.slack.callsTo('chat.postMessage').length;
    const updatesBefore = itda.slack.callsTo('chat.update').length;
    await itda.send.action({
      type: 'view_submission', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'x', trigger_id: 'trigger-submit',
      user: { id: STAFF_USER, name: '김담당', team_id: 'T0TEST' },
      view: {
        id: 'V1', type: 'modal', callback_id: 'ticket_answer_modal', private_metadata: view.private_metadata, team_id: 'T0TEST',
        state: {
          values: {
            answer: { value: { type: 'plain_text_input', value: STAFF_ANSWER } },
            language: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '한국어 (ko)' }, value: 'ko' } } },
            answer_other: { value: { type: 'plain_text_input', value: 'The 50 million KRW grant includes VAT; the partner hospital issues the tax invoice.' } },
            phrasings: { value: { type: 'plain_text_input', value: '지원금에 부가세(VAT)가 포함되나요?\n부가세도 지원금에 포함되나요?' } },
            knowledge: { value: { type: 'checkboxes', selected_options: [{ text: { type: 'plain_text', text: 'add' }, value: 'add' }] } },
          },
        },
      },
    });
    const first = await waitForNew('chat.postMessage', before, (call) => call.body.channel === 'DFOUNDER1');
    const second = await waitForNew('chat.postMessage', before, (call) => call.body.channel === 'DFOUNDER2');
    // The ticket's update follows the answers; on a busy machine later than a quiet period.
    await waitForNew('chat.update', updatesBefore, (call) => call.body.channel === 'CSTAFF');
    await itda.slack.settled();
    for (const delivered of [first, second]) {
      transcript.push(`[${delivered.body.channel}] Itda: ${slackText(delivered)}`);
      expect(slackText(delivered)).toContain('사업 담당자 답변 · 김담당 · 2026-11-28');
      expect(slackText(delivered)).toContain(STAFF_ANSWER);
    }
    const updated = itda.slack.callsTo('chat.update').at(-1)!;
    transcript.push(`[CSTAFF] Itda (chat.update): ${slackText(updated)}`);
    expect(updated.body.channel).toBe('CSTAFF');
    expect(updated.body.ts).toBe(itda.slack.callsTo('chat.update')[0]!.body.ts);
    expect(JSON.stringify(updated.body.blocks)).toContain('답변함');
    expect(JSON.stringify(updated.body.blocks)).toContain('ticket-1');
  });

  it('writes the answer into knowledge/staff-answers.yaml', () => {
    const file = readFileSync(join(knowledgeDir, 'staff-answers.yaml'), 'utf8');
    expect(file).toContain('id: ticket-1');
    expect(file).toContain('staff: 김담당');
    expect(file).toContain('as_of: 2026-11-28');
    expect(file).toContain('부가세도 지원금에 포함되나요?');
  });

  it('answers the same question from another founder from the staff answer, cited as the program office', async () => {
    const reply = await dm(LATER_FOUNDER, '지원금에 부가세가 포함되나요?');
    laterAnswer = reply;
    transcript.push(`[${reply.body.channel}] Itda: ${slackText(reply)}`);
    const text = slackText(reply);
    expect(text).toContain('부가세를 포함한 금액입니다');
    expect(text).toContain('사업 담당자 답변 (2026-11-28)');
    expect(text).not.toContain('전달했습니다');
  });

  it('sends an answer to the program office when its founder presses 담당자에게 묻기, once, and only for them', async () => {
    const answerId = buttonsOf(laterAnswer.body.blocks).find((button) => button.action_id === 'ticket_ask')!.value;
    const before = itda.slack.callsTo('chat.postMessage').length;
    await press(FOUNDER, 'ticket_ask', answerId, 'DFOUNDER1');
    expect(String((await pressed(`press-${ts}`)).body.text)).toContain('본인이 받은 답변만');
    await press(LATER_FOUNDER, 'ticket_ask', answerId, 'DFOUNDER3');
    const notice = await pressed(`press-${ts}`);
    transcript.push(`[DFOUNDER3] UFOUNDER3 presses [담당자에게 묻기]\n[DFOUNDER3] Itda (ephemeral): ${notice.body.text}`);
    expect(String(notice.body.text)).toContain('사업 담당자에게 전달했습니다 (문의 #2)');
    const ticket = await waitForNew('chat.postMessage', before, (call) => call.body.channel === 'CSTAFF');
    expect(JSON.stringify(ticket.body.blocks)).toContain('담당자에게 묻기 (asked for staff)');
    expect(JSON.stringify(ticket.body.blocks)).toContain('사업 담당자 답변 (2026-11-28)');
    await press(LATER_FOUNDER, 'feedback_down', answerId, 'DFOUNDER3');
    await itda.slack.waitForCall('response_url', (call) => call.body.id === `press-${ts}` && String(call.body.text).includes('이미 사업 담당자에게 전달'));
    expect(itda.slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'CSTAFF')).toHaveLength(2);
  });

  it('lets staff answer with an existing section (이미 답변 있음), cited, and close a ticket (해결됨)', async () => {
    const trigger = await press(STAFF_USER, 'ticket_existing', '2');
    const opened = await itda.slack.waitForCall('views.open', (call) => call.body.trigger_id === trigger);
    const view = opened.body.view as { callback_id: string; blocks: { block_id?: string; element?: { options: { value: string }[] } }[] };
    expect(view.callback_id).toBe('ticket_existing_modal');
    const options = view.blocks.find((block) => block.block_id === 'section')!.element!.options;
    const funding = options.find((option) => option.value.startsWith('funding#')) ?? options[0]!;
    const before = itda.slack.callsTo('chat.postMessage').length;
    await itda.send.action({
      type: 'view_submission', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'x', trigger_id: 'trigger-existing', user: { id: STAFF_USER, name: '김담당' },
      view: { id: 'V2', type: 'modal', callback_id: 'ticket_existing_modal', private_metadata: '2', state: { values: { section: { value: { type: 'static_select', selected_option: { value: funding.value } } } } } },
    });
    const pointed = await waitForNew('chat.postMessage', before, (call) => call.body.channel === 'DFOUNDER3');
    transcript.push(`[DFOUNDER3] Itda: ${slackText(pointed)}`);
    expect(slackText(pointed)).toContain('사업 담당자 안내 · 김담당 · 2026-11-28');
    expect(slackText(pointed)).toContain('📄 출처');

    const updates = itda.slack.callsTo('chat.update').length;
    await press(STAFF_USER, 'ticket_resolve', '1');
    const resolved = await waitForNew('chat.update', updates, (call) => call.body.channel === 'CSTAFF' && JSON.stringify(call.body.blocks).includes('문의 #1 '));
    expect(JSON.stringify(resolved.body.blocks)).toContain('해결됨 (resolved)');
    expect(buttonsOf(resolved.body.blocks)).toEqual([]);
  });

  it('shows staff the analytics and open work on App Home, and founders none of it', async () => {
    await itda.send.event({ type: 'app_home_opened', user: STAFF_USER, channel: 'DSTAFF', tab: 'home' });
    const staffHome = await itda.slack.waitForCall('views.publish', (call) => call.body.user_id === STAFF_USER);
    const blocks = JSON.stringify((staffHome.body.view as { blocks: unknown }).blocks);
    expect(blocks).toContain('담당자: 질문과 문의 현황');
    expect(blocks).toContain('문서에 근거 없음');
    expect(blocks).toContain('staff_answer_retire');
    transcript.push(`[App Home ${STAFF_USER}] ${(staffHome.body.view as { blocks: { text?: { text: string }; fields?: { text: string }[] }[] }).blocks.map((block) => block.text?.text ?? block.fields?.map((field) => field.text.replace('\n', ': ')).join(' | ') ?? '').filter(Boolean).join('\n')}`);
    await itda.send.event({ type: 'app_home_opened', user: FOUNDER, channel: 'DFOUNDER1', tab: 'home' });
    const founderHome = await itda.slack.waitForCall('views.publish', (call) => call.body.user_id === FOUNDER);
    expect(JSON.stringify(founderHome.body)).not.toContain('부가세');
    expect(JSON.stringify(founderHome.body)).not.toContain('문의 현황');
  });

  it('lets staff edit a staff answer from App Home', async () => {
    const trigger = await press(STAFF_USER, 'staff_answer_edit', 'ticket-1');
    const opened = await itda.slack.waitForCall('views.open', (call) => call.body.trigger_id === trigger);
    expect((opened.body.view as { callback_id: string }).callback_id).toBe('staff_answer_edit_modal');
    const publishes = itda.slack.callsTo('views.publish').length;
    await itda.send.action({
      type: 'view_submission', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'x', trigger_id: 'trigger-edit', user: { id: STAFF_USER, name: '김담당' },
      view: {
        id: 'V3', type: 'modal', callback_id: 'staff_answer_edit_modal', private_metadata: 'ticket-1',
        state: {
          values: {
            answer_ko: { value: { type: 'plain_text_input', value: `${STAFF_ANSWER} 자세한 내용은 협약서 제5조를 보세요.` } },
            answer_en: { value: { type: 'plain_text_input', value: 'The grant includes VAT; see article 5 of the agreement.' } },
            phrasings: { value: { type: 'plain_text_input', value: '지원금에 부가세(VAT)가 포함되나요?\nIs VAT included in the grant?' } },
          },
        },
      },
    });
    await waitForNew('views.publish', publishes, (call) => call.body.user_id === STAFF_USER);
    const file = readFileSync(join(knowledgeDir, 'staff-answers.yaml'), 'utf8');
    expect(file).toContain('협약서 제5조');
    expect(file).toContain('Is VAT included in the grant?');
  });

  it('stops answering from a staff answer once staff retire it on App Home', async () => {
    await press(STAFF_USER, 'staff_answer_retire', 'ticket-1');
    await itda.slack.waitForCall('views.publish', (call) => call.body.user_id === STAFF_USER && !JSON.stringify(call.body).includes('staff_answer_retire'));
    expect(readFileSync(join(knowledgeDir, 'staff-answers.yaml'), 'utf8')).toContain('status: retired');
    const reply = await dm('UFOUNDER4', '지원금에 부가세가 포함되나요?');
    expect(slackText(reply)).not.toContain('사업 담당자 답변 (2026-11-28)');
    expect(slackText(reply)).toContain('(문의 #3)');
  });

  it('reports the loop in report --json, and audits each step', async () => {
    let printed = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write;
    try {
      expect(await reportCommand(itda.config, ['--json'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    transcript.push(`$ npm run --silent cli -- report --json\n${printed.trim()}`);
    expect(JSON.parse(printed)).toEqual({
      questions: 4,
      answered: 1,
      noSource: 3,
      negativeFeedback: 1,
      openTickets: 1,
      topUnanswered: [{ question: '지원금에 부가세가 포함되나요?', count: 1 }],
      drafts: { inProgress: 0, submitted: 0 },
    });
    const storage = await openStorage(itda.databasePath);
    const audit = await storage.audit.recent(20);
    await storage.database.close();
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['ticket_opened', 'ticket_joined', 'ticket_answered', 'ticket_pointed', 'ticket_resolved', 'staff_answer_edit', 'staff_answer_retire']));
    expect(JSON.stringify(audit)).not.toContain('부가세');
  });

  it('still answers the founder when Slack refuses the staff-channel post, and keeps the ticket', async () => {
    itda.slack.failNext('chat.postMessage', 'channel_not_found');
    const reply = await dm('UFOUNDER5', 'Does the grant include VAT?');
    expect(slackText(reply)).toMatch(/passed this question to the program office \(ticket #\d+\)/);
    const storage = await openStorage(itda.databasePath);
    const open = await storage.tickets.list(['open']);
    await storage.database.close();
    expect(open.some((ticket) => ticket.askers.some((asker) => asker.userId === 'UFOUNDER5'))).toBe(true);
  });
});
