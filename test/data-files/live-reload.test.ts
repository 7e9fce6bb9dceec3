import { describe, expect, it } from 'vitest';
import { homeView } from '../../src/slack/blocks/home-view.js';
import { staffFilesAtWork } from './staff-files-at-work.js';

const FOUNDER = 'UFOUNDER';
const STAFF = 'USTAFF';

describe('program.yaml: one reload policy, seen by Q&A and the form alike', () => {
  it('a deadline edit reaches the next answer; a broken edit keeps the last good date with a warning; fixing it recovers', async () => {
    const itda = await staffFilesAtWork();
    try {
      expect(await itda.say(FOUNDER, '마감이 언제예요?')).toContain('2025년 4월 28일');

      // Staff move the deadline.
      const original = itda.edit('program.yaml', (text) => text.replace('deadline: 2025-04-28', 'deadline: 2025-05-09'));
      expect(await itda.reloaded()).toEqual(['program']);
      expect(await itda.say(FOUNDER, '마감이 언제예요?')).toContain('2025년 5월 9일');

      // Staff break the file: the founder still sees the last good date, and the form still runs.
      itda.write('program.yaml', original.replace('deadline: 2025-04-28', 'deadline: 2025-05-09').replace('rounds:', 'rounds: [oops'));
      expect(await itda.reloaded()).toEqual([]);
      expect(await itda.say(FOUNDER, '마감이 언제예요?')).toContain('2025년 5월 9일');
      expect(await itda.say('UFOUNDER2', '신청서 작성할래요')).toContain('회사명');
      const health = await itda.health();
      expect(health.ok).toBe(true); // a staff file is a warning, never a 503
      expect(health.dataFiles.ok).toBe(false);
      expect(health.dataFiles.warnings).toEqual([
        expect.objectContaining({ kind: 'program', state: 'last-good-kept', file: 'knowledge/program.yaml', line: expect.any(Number), fix: expect.stringContaining('program.yaml') }),
      ]);
      expect(JSON.stringify(health)).not.toContain(itda.folder); // /healthz names no server path

      // And they fix it.
      itda.write('program.yaml', original.replace('deadline: 2025-04-28', 'deadline: 2025-05-12'));
      expect(await itda.reloaded()).toEqual(['program']);
      expect(await itda.say(FOUNDER, '마감이 언제예요?')).toContain('2025년 5월 12일');
      expect((await itda.health()).dataFiles.warnings).toEqual([]);
    } finally {
      await itda.close();
    }
  }, 60_000);
});

describe('knowledge documents', () => {
  it('an edited section is answered from; a half-saved file keeps the last good documents; a fix recovers', async () => {
    const itda = await staffFilesAtWork();
    try {
      const original = itda.edit('funding.md', (text) => text.replace('5천만 원', '5천5백만 원'));
      expect(await itda.reloaded()).toEqual(['documents']);
      expect(await itda.say(FOUNDER, '지원금은 얼마인가요?')).toContain('5천5백만 원');

      itda.write('funding.md', original.slice(0, 40));
      await itda.reloaded();
      expect(await itda.say(FOUNDER, '지원금은 얼마인가요?')).toContain('5천5백만 원');
      expect((await itda.health()).dataFiles.warnings).toEqual([expect.objectContaining({ kind: 'documents', file: 'knowledge/funding.md', line: 1 })]);

      itda.write('funding.md', original);
      expect(await itda.reloaded()).toEqual(['documents']);
      expect(await itda.say(FOUNDER, '지원금은 얼마인가요?')).toContain('5천만 원');
      expect((await itda.health()).dataFiles.ok).toBe(true);
    } finally {
      await itda.close();
    }
  }, 60_000);
});

describe('the research-plan form', () => {
  it('a renamed question is asked next; a broken form keeps the last good one (no error per message); a fix recovers', async () => {
    const itda = await staffFilesAtWork();
    try {
      const original = itda.edit('forms/research-plan.yaml', (text) => text.replace('label: { ko: 회사명, en: company name }', 'label: { ko: 기업명, en: company name }'));
      expect(await itda.reloaded()).toEqual(['form']);
      expect(await itda.say(FOUNDER, '신청서 작성할래요')).toContain('기업명');

      itda.write('forms/research-plan.yaml', original.replace('label: { ko: 회사명, en: company name }', 'label: { ko: 기업명 }'));
      await itda.reloaded();
      expect(await itda.say(FOUNDER, '주식회사 망막랩')).toContain('✅ 기업명: 주식회사 망막랩');
      const [warning] = (await itda.health()).dataFiles.warnings;
      expect(warning).toMatchObject({ kind: 'form', file: 'knowledge/forms/research-plan.yaml', line: expect.any(Number) });
      expect(warning!.problem).toMatch(/label\.en/);

      itda.write('forms/research-plan.yaml', original);
      expect(await itda.reloaded()).toEqual(['form']);
      expect(await itda.say('UFOUNDER2', '신청서 작성할래요')).toContain('회사명');
    } finally {
      await itda.close();
    }
  }, 60_000);
});

describe('staff answers (knowledge/staff-answers.yaml)', () => {
  it('an answer added by hand is cited; a broken file keeps the last good answers; a fix recovers', async () => {
    const itda = await staffFilesAtWork();
    const entry = (answer: string) => `entries:
  - id: vat-included
    status: active
    questions: ["지원금에 부가세(VAT)가 포함되나요?"]
    answer: { ko: "${answer}" }
    staff: 김담당
    answered_at: 2026-11-28
    as_of: 2026-11-28
`;
    try {
      itda.write('staff-answers.yaml', entry('지원금은 부가세를 포함한 금액입니다.'));
      expect(await itda.reloaded()).toEqual(['staff-answers']);
      expect(await itda.say(FOUNDER, '지원금에 부가세가 포함되나요?')).toContain('지원금은 부가세를 포함한 금액입니다.');

      itda.write('staff-answers.yaml', 'entries:\n  - id: [\n');
      await itda.reloaded();
      expect(await itda.say(FOUNDER, '지원금에 부가세가 포함되나요?')).toContain('지원금은 부가세를 포함한 금액입니다.');
      expect((await itda.health()).dataFiles.warnings).toEqual([expect.objectContaining({ kind: 'staff-answers', file: 'knowledge/staff-answers.yaml', line: expect.any(Number) })]);

      itda.write('staff-answers.yaml', entry('지원금은 부가세를 뺀 금액입니다.'));
      expect(await itda.reloaded()).toEqual(['staff-answers']);
      expect(await itda.say(FOUNDER, '지원금에 부가세가 포함되나요?')).toContain('지원금은 부가세를 뺀 금액입니다.');
    } finally {
      await itda.close();
    }
  }, 60_000);
});
