import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffAccess } from '../../src/access/staff-access.js';
import { silentLogger } from '../../src/observability/logger.js';
import { loadProgramFacts } from '../../src/program/program-facts.js';
import { createRounds } from '../../src/rounds/create-rounds.js';
import { openStorage, type Storage } from '../../src/storage/open-storage.js';
import { callDocx, CALL_2026_LINES } from './call-documents.js';

const STAFF = 'USTAFF';

/** A call without its application period: shown as missing, not approvable until staff fill it in. */
describe('reviewing a proposal that lacks a field', () => {
  const knowledgeDir = join(mkdtempSync(join(tmpdir(), 'itda-review-')), 'knowledge');
  let storage: Storage;
  let rounds: ReturnType<typeof createRounds>;
  let proposalId = '';
  const snapshot = () => readdirSync(knowledgeDir).sort().map((name) => (name.endsWith('.yaml') ? readFileSync(join(knowledgeDir, name), 'utf8') : name));
  let before: string[] = [];

  beforeAll(async () => {
    cpSync('knowledge', knowledgeDir, { recursive: true });
    before = snapshot();
    storage = await openStorage(':memory:');
    rounds = createRounds({
      database: storage.database, audit: storage.audit, staff: new StaffAccess([STAFF]), knowledgeDir,
      programFacts: () => loadProgramFacts(knowledgeDir), now: () => new Date('2026-03-01T09:00:00+09:00'), logger: silentLogger,
    });
  });
  afterAll(() => storage.database.close());

  it('lists the missing dates, offers 수정 and 취소 but no 승인', async () => {
    const withoutPeriod = CALL_2026_LINES.filter((line) => !line.includes('접수기간'));
    const [review] = await rounds.desk.ingest(STAFF, 'call-no-dates.docx', await callDocx(withoutPeriod), 'ko');
    expect(review!.text).toContain('*읽지 못한 항목* (추측하지 않았습니다. `수정`으로 채우거나 그대로 두세요)\n• 접수 시작 (`round.opens`)\n• 신청 마감 (`round.deadline`)');
    expect(review!.text).toContain('*승인할 수 없습니다*: 접수 시작, 신청 마감이 없어 차수를 추가할 수 없습니다. 먼저 opens, deadline 값을 채워 주세요 (`수정` 버튼).');
    expect(review!.buttons!.map((button) => button.actionId)).toEqual(['round_edit', 'round_cancel']);
    proposalId = review!.buttons![0]!.value;
  });

  it('a bad correction names the format; a good one makes the proposal approvable', async () => {
    const bad = await rounds.desk.correct(STAFF, proposalId, { deadline: '3월 27일' }, 'ko');
    expect(bad.problems).toEqual({ deadline: 'deadline: 날짜는 YYYY-MM-DD 형식으로 써 주세요 (예: 2026-03-27)' });
    const good = await rounds.desk.correct(STAFF, proposalId, { opens: '2026-03-03', deadline: '2026-03-27', capKrw: '' }, 'ko');
    expect(good.replies[1]!.text).toContain('• 신청 마감: *2026-03-27* — _(USTAFF 수정)_');
    expect(good.replies[1]!.buttons!.map((button) => button.actionId)).toEqual(['round_approve', 'round_edit', 'round_cancel']);
  });

  it('취소 writes nothing, records it, and the proposal cannot be approved afterwards', async () => {
    const [cancelled] = await rounds.desk.action(STAFF, 'round_cancel', proposalId, 'ko');
    expect(cancelled!.text).toBe('제안을 취소했습니다. knowledge/ 아래 아무것도 바뀌지 않았습니다.');
    const [late] = await rounds.desk.action(STAFF, 'round_approve', proposalId, 'ko');
    expect(late!.text).toContain('이미 취소되었습니다');
    expect(snapshot()).toEqual(before);
    expect((await storage.audit.recent(5)).map((entry) => entry.action)).toEqual(['round_cancel', 'round_correct', 'round_ingest']);
  });

  it('refuses anyone who is not staff', async () => {
    const [refused] = await rounds.desk.ingest('UFOUNDER', 'call.docx', await callDocx(), 'ko');
    expect(refused!.text).toBe('새 차수 등록은 사업 담당자만 할 수 있습니다.');
  });
});
