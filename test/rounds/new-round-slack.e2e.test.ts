import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import type { RecordedCall } from '../fakes/fake-slack-api.js';
import { STAFF_USER, startItdaOverHttp, wait, type ItdaOverHttp } from '../slack/start-itda-over-http.js';
import { callDocx } from './call-documents.js';

const FOUNDER = 'UFOUNDER1';
const STAFF_DM = 'DSTAFF01';

interface Button { action_id: string; value: string; text: { text: string } }
const buttonsOf = (call: RecordedCall): Button[] =>
  ((call.body.blocks as { type: string; elements?: Button[] }[] | undefined) ?? []).flatMap((block) => (block.type === 'actions' ? block.elements ?? [] : []));

/**
 * Staff drop the 2026 call into a DM, review what Itda read, approve it; the running app answers
 * with the new deadline at once and the subscriber gets one DM. Real Bolt over HTTP, fake Slack.
 */
describe('a new round from the call document, in Slack', () => {
  let itda: ItdaOverHttp;
  let files: Server;
  let filesUrl = '';
  let knowledgeDir = '';
  let ts = 1_700_300_000;
  let proposalId = '';
  const downloads: string[] = [];

  const command = async (user: string, text: string, id: string) => {
    await itda.send.command({ text, user_id: user, channel_id: 'CGENERAL', response_url: itda.slack.responseUrl(id), trigger_id: `t-${id}` });
    return itda.slack.waitForCall('response_url', (call) => call.body.id === id);
  };
  const press = async (user: string, channel: string, actionId: string, value: string) => {
    ts += 1;
    const messageTs = `${ts}.000100`;
    await itda.send.action({
      type: 'block_actions', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'x', trigger_id: `tr-${ts}`, user: { id: user },
      channel: { id: channel }, message: { ts: messageTs }, container: { type: 'message', is_ephemeral: false },
      response_url: itda.slack.responseUrl(`press-${ts}`), actions: [{ type: 'button', action_id: actionId, value, block_id: 'b', action_ts: '1' }],
    });
    return { messageTs, reply: () => itda.slack.waitForCall('chat.postMessage', (call) => call.body.thread_ts === messageTs) };
  };
  const shareFile = (user: string, channel: string, name: string, size = 9000) => {
    ts += 1;
    return itda.send.event({
      type: 'message', subtype: 'file_share', channel_type: 'im', user, channel, ts: `${ts}.000100`, text: '',
      files: [{ id: `F${ts}`, name, mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size, url_private_download: `${filesUrl}/${name}` }],
    });
  };
  const knowledgeFiles = () => readdirSync(knowledgeDir).sort();

  beforeAll(async () => {
    const docx = await callDocx();
    files = createServer((request, response) => {
      downloads.push(`${request.url} ${request.headers.authorization}`);
      if (request.headers.authorization !== 'Bearer xoxb-test-token') return void response.writeHead(403).end();
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(docx);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/files`;
    knowledgeDir = join(mkdtempSync(join(tmpdir(), 'itda-rounds-')), 'knowledge');
    cpSync('knowledge', knowledgeDir, { recursive: true });
    itda = await startItdaOverHttp({ KNOWLEDGE_DIR: knowledgeDir, ITDA_NOW: '2026-03-10' });
  });
  afterAll(async () => {
    await itda.stop();
    await new Promise((resolve) => files.close(resolve));
  });

  it('before the call: the deadline answer is the closed 2025 round, with a button to hear about new rounds', async () => {
    const answer = await command(FOUNDER, 'deadline', 'before');
    expect(String(answer.body.text)).toContain('2025년 4월 28일 (2025-04-28)에 마감되었습니다');
    expect(JSON.stringify(answer.body.blocks)).toContain('"action_id":"round_subscribe"');
  });

  it('a founder subscribes with /itda subscribe', async () => {
    const answer = await command(FOUNDER, 'subscribe', 'subscribe');
    expect(String(answer.body.text)).toContain('새 공고 알림을 신청했습니다');
  });

  it('a founder who shares a .docx is not treated as staff: no proposal', async () => {
    await shareFile(FOUNDER, 'DFOUNDER1', 'call.docx');
    await itda.slack.settled(300);
    expect(itda.slack.callsTo('chat.postMessage').filter((call) => String(call.body.text).includes('새 차수 제안'))).toEqual([]);
    expect(downloads).toEqual([]);
  });

  it('staff who share a call document too large to read are told so in Korean, and nothing is downloaded', async () => {
    await shareFile(STAFF_USER, STAFF_DM, 'huge-call.docx', 50 * 1024 * 1024);
    const reply = await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === STAFF_DM && String(call.body.text).includes('huge-call.docx'));
    expect(String(reply.body.text)).toMatch(/^huge-call\.docx: 파일이 \d+ MB보다 큽니다\. 공고문 자체를 PDF, DOCX 또는 HWPX 파일로 보내 주세요\.$/);
    expect(downloads).toEqual([]);
  });

  it('staff share the call in a DM and get the proposal to review, with 승인 / 수정 / 취소; knowledge/ is unchanged', async () => {
    const before = knowledgeFiles();
    await shareFile(STAFF_USER, STAFF_DM, '2026년_공동연구_모집공고.docx');
    const review = await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === STAFF_DM && String(call.body.text).includes('새 차수 제안'));
    if (process.env.ITDA_PRINT_MESSAGES) console.log('STAFF REVIEW\n', JSON.stringify(review.body, null, 2));
    const text = String(review.body.text);
    expect(text).toContain('*새 차수 제안* — `2026년_공동연구_모집공고.docx`에서 읽은 내용입니다. 승인 전에는 아무것도 바뀌지 않습니다.');
    expect(text).toContain('• 신청 마감: *2026-03-27* — _○ 접수기간: 2026. 3. 3.(화) 10:00 ~ 2026. 3. 27.(금) 18:00까지_');
    expect(text).toContain('• 기업당 지원 한도: *5,000만원* — _○ 지원규모: 총 5억원 이내, 기업당 최대 5천만원_');
    expect(text).toContain('• 선정 규모: *10개 기업 내외*');
    expect(text).toContain('• 업력 제한: *창업 7년 이내*');
    expect(text).toContain('읽지 못한 항목: 없음');
    expect(text).toContain('+ knowledge/round-2026.md (새 파일)');
    expect(text).toContain('~ eligibility.max_years_since_founding: 10 → 7');
    // Staff's hand-written prose is not rewritten; the review names the files that still say "설립 10년 이내".
    expect(JSON.stringify(review.body.blocks)).toMatch(/손으로 쓴 지식 파일에 예전 내용.*`knowledge\/eligibility.md`/);
    const buttons = buttonsOf(review);
    expect(buttons.map((button) => [button.action_id, button.text.text])).toEqual([['round_approve', '승인'], ['round_edit', '수정'], ['round_cancel', '취소']]);
    proposalId = buttons[0]!.value;
    expect(downloads).toEqual(['/files/2026%EB%85%84_%EA%B3%B5%EB%8F%99%EC%97%B0%EA%B5%AC_%EB%AA%A8%EC%A7%91%EA%B3%B5%EA%B3%A0.docx Bearer xoxb-test-token']);
    expect(knowledgeFiles()).toEqual(before);
  });

  it('수정 opens a form holding what Itda read', async () => {
    await press(STAFF_USER, STAFF_DM, 'round_edit', proposalId);
    const [opened] = await itda.slack.waitFor('views.open');
    const view = JSON.stringify(opened!.body.view);
    expect(view).toContain('"initial_value":"2026-03-27"');
    expect(view).toContain('"initial_value":"50000000"');
    const form = opened!.body.view as { title: { text: string }; submit: { text: string }; blocks: { label: { text: string } }[] };
    expect([form.title.text, form.submit.text, form.blocks[2]!.label.text]).toEqual(['새 차수 수정', '저장', '신청 마감 (deadline)']);
    const metadata = (opened!.body.view as { private_metadata: string }).private_metadata;
    const submit = (values: Record<string, string>) => itda.send.action({
      type: 'view_submission', team: { id: 'T0TEST' }, api_app_id: 'A0ITDA', token: 'x', trigger_id: `tv-${ts}`, user: { id: STAFF_USER },
      view: {
        id: 'V1', type: 'modal', callback_id: 'round_edit_view', private_metadata: metadata, hash: 'h',
        state: { values: Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value: { type: 'plain_text_input', value } }])) },
      },
    });
    await submit({ deadline: '3월 27일', capKrw: '50000000' });
    const refused = await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === STAFF_DM && String(call.body.text).startsWith('수정하지 않았습니다'));
    expect(String(refused.body.text)).toBe('수정하지 않았습니다:\n• deadline: 날짜는 YYYY-MM-DD 형식으로 써 주세요 (예: 2026-03-27)');
  });

  it('a founder cannot approve it', async () => {
    const pressed = await press(FOUNDER, 'DFOUNDER1', 'round_approve', proposalId);
    expect(String((await pressed.reply()).body.text)).toContain('사업 담당자만');
    expect(knowledgeFiles()).not.toContain('round-2026.md');
  });

  it('승인 writes the files, the deadline answer changes at once, and the subscriber gets one DM', async () => {
    const pressed = await press(STAFF_USER, STAFF_DM, 'round_approve', proposalId);
    expect(String((await pressed.reply()).body.text)).toContain('*2026년 차수를 등록했습니다.*');
    expect(knowledgeFiles()).toEqual(expect.arrayContaining(['round-2026.md', 'round-2026.en.md']));
    expect(readFileSync(join(knowledgeDir, 'program.yaml'), 'utf8')).toContain('deadline: 2026-03-27');

    const dm = await itda.slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'DFOUNDER1' && String(call.body.text).includes('새 공고'));
    if (process.env.ITDA_PRINT_MESSAGES) console.log('SUBSCRIBER DM\n', JSON.stringify(dm.body, null, 2));
    expect(String(dm.body.text)).toBe([
      '*새 공고가 나왔습니다: 2026년 공동연구 프로젝트*',
      '• 접수: 2026년 3월 3일 ~ 2026년 3월 27일 마감, D-17',
      '• 지원 한도: 기업당 최대 5,000만원',
      '• 선정 규모: 10개 기업 내외',
      '• 신청: https://www.seoulbiohub.kr',
    ].join('\n'));
    expect(buttonsOf(dm).map((button) => button.action_id)).toEqual(['round_start_draft', 'round_unsubscribe']);
    expect(JSON.stringify(dm.body.blocks)).toContain('/itda unsubscribe');

    const answer = await command(FOUNDER, 'deadline', 'after');
    expect(String(answer.body.text)).toContain('*2026년 공동연구 프로젝트*: 2026년 3월 27일 마감, *D-17* (2026-03-27).');
  });

  it('approving twice changes nothing and sends no second DM; the audit log says who approved what', async () => {
    const pressed = await press(STAFF_USER, STAFF_DM, 'round_approve', proposalId);
    expect(String((await pressed.reply()).body.text)).toContain('이미 승인되었습니다');
    await wait(300);
    expect(itda.slack.callsTo('chat.postMessage').filter((call) => call.body.channel === 'DFOUNDER1' && String(call.body.text).includes('새 공고'))).toHaveLength(1);
    const storage = await openStorage(itda.databasePath);
    const entries = await storage.audit.recent(10);
    await storage.database.close();
    expect(entries.find((entry) => entry.action === 'round_approve')).toMatchObject({
      actorId: STAFF_USER,
      detail: { source: '2026년_공동연구_모집공고.docx', round: { id: '2026', opens: '2026-03-03', deadline: '2026-03-27', capKrw: 50_000_000, slots: 10 }, files: ['knowledge/round-2026.md', 'knowledge/round-2026.en.md', 'knowledge/program.yaml'] },
    });
  });

  it('"시작" on the DM starts a draft', async () => {
    const pressed = await press(FOUNDER, 'DFOUNDER1', 'round_start_draft', '2026');
    expect(String((await pressed.reply()).body.text)).toContain('계획서 작성을 시작할게요');
  });
});
