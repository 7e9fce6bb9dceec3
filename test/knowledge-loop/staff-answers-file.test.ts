import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStaffAnswerChunks } from '../../src/knowledge/staff-answer-chunks.js';
import { readStaffAnswers, saveStaffAnswer } from '../../src/knowledge/staff-answers-file.js';
import { knowledgeQa } from '../question-answering/knowledge-qa.js';

const folder = () => mkdtempSync(join(tmpdir(), 'itda-staff-answers-'));
const entry = { id: 'ticket-7', status: 'active' as const, questions: ['지사도 서울 소재로 인정되나요?'], answer: { ko: '본점 소재지 기준입니다.', en: 'It is the head office that counts.' }, staff: '김담당', answered_at: '2026-11-28', as_of: '2026-11-28', ticket: 7 };

/** knowledge/staff-answers.yaml: what staff review, and what the knowledge index reads. */
describe('knowledge/staff-answers.yaml', () => {
  it('ships with no entries, and the shipped file is valid', () => {
    expect(readStaffAnswers('knowledge')).toEqual([]);
  });

  it('becomes one cited chunk per language written, and none once retired', async () => {
    const directory = folder();
    await saveStaffAnswer(directory, entry);
    const { chunks, problems } = loadStaffAnswerChunks(directory);
    expect(problems).toEqual([]);
    expect(chunks.map((chunk) => [chunk.id, chunk.metadata.title, chunk.metadata.heading])).toEqual([
      ['staff-answers#ticket-7@ko', '사업 담당자 답변 (2026-11-28)', '지사도 서울 소재로 인정되나요?'],
      ['staff-answers#ticket-7@en', 'Program office answer (2026-11-28)', '지사도 서울 소재로 인정되나요?'],
    ]);
    await saveStaffAnswer(directory, { ...entry, status: 'retired' });
    expect(loadStaffAnswerChunks(directory).chunks).toEqual([]);
  });

  it('reports a mistake with the file, line and fix instead of loading half of it', () => {
    const directory = folder();
    writeFileSync(join(directory, 'staff-answers.yaml'), 'entries:\n  - id: Ticket 7\n    questions: []\n    answer: {}\n    staff: 김담당\n    answered_at: 28.11.2026\n    as_of: 2026-11-28\n');
    const { chunks, problems } = loadStaffAnswerChunks(directory);
    expect(chunks).toEqual([]);
    expect(problems[0]).toContain('knowledge/staff-answers.yaml');
    expect(problems[0]).toContain('line 2, entries.0.id: use a kebab-case id');
    expect(problems[0]).toContain('entries.0.answered_at: use a date like 2026-11-28');
    expect(problems[0]).toContain('write the answer in ko, en or both');
    expect(problems[0]).toContain('fix:');
  });
});

describe('a staff answer written or edited by hand in knowledge/', () => {
  it('is picked up by the watching index and answered with the program office citation', async () => {
    const directory = join(folder(), 'knowledge');
    const vat = { ...entry, questions: ['지원금에 부가세(VAT)가 포함되나요?'], answer: { ko: '지원금은 부가세를 포함한 금액입니다.' } };
    cpSync('knowledge', directory, { recursive: true });
    const { knowledge, result } = await knowledgeQa({ knowledgeDir: directory });
    try {
      knowledge.watch(50);
      expect((await result('지원금에 부가세가 포함되나요?')).citations.map((citation) => citation.source)).not.toContain('knowledge/staff-answers.yaml');
      await saveStaffAnswer(directory, vat);
      await expect.poll(async () => (await result('지원금에 부가세가 포함되나요?')).citations[0]?.title, { timeout: 8_000, interval: 100 }).toBe('사업 담당자 답변 (2026-11-28)');
      // A broken edit keeps the previous index in service.
      writeFileSync(join(directory, 'staff-answers.yaml'), 'entries:\n  - id: [\n');
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await result('지원금에 부가세가 포함되나요?')).answer).toContain('지원금은 부가세를 포함한 금액입니다.');
    } finally {
      knowledge.close();
    }
  }, 30_000);
});
