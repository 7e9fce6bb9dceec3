import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UsageError } from '../../src/cli/cli-error.js';
import { ingestCommand } from '../../src/cli/ingest-command.js';
import { parseConfig } from '../../src/config/config.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { CALL_2026_LINES, callDocx, callPdf } from './call-documents.js';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'itda-ingest-cli-'));
const knowledgeDir = join(folder, 'knowledge');
cpSync('knowledge', knowledgeDir, { recursive: true });
const databasePath = join(folder, 'itda.db');
const environment = {
  ...process.env,
  KNOWLEDGE_DIR: knowledgeDir,
  DATABASE_PATH: databasePath,
  INDEX_DIR: join(folder, 'index'),
  ITDA_NOW: '2026-03-02',
  OPENAI_API_KEY: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', LOG_LEVEL: 'silent',
};
const cli = (...args: string[]) => run('npm', ['run', '--silent', 'cli', '--', 'ingest', ...args], { env: environment, cwd: process.cwd() });
const failure = async (...args: string[]) => {
  try {
    await cli(...args);
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
  throw new Error('expected the command to fail');
};
// Spawning the CLI costs seconds on a busy machine: the contract's two paths run as a child
// process, the rest call the same command in-process.
const inProcess = async (...args: string[]) => {
  const parsed = parseConfig(environment);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  let stdout = '';
  let stderr = '';
  const code = await ingestCommand(parsed.config, args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
};
const knowledgeSnapshot = () => readdirSync(knowledgeDir).sort().map((name) => [name, name.endsWith('.yaml') || name.endsWith('.md') ? readFileSync(join(knowledgeDir, name), 'utf8') : ''] as const);

describe('npm run cli -- ingest (fixed contract)', () => {
  it('prints the proposal for a generated DOCX call, field by field, and writes nothing', async () => {
    const file = join(folder, '2026년_공동연구_모집공고.docx');
    writeFileSync(file, await callDocx());
    const before = knowledgeSnapshot();
    const { stdout } = await cli(file, '--json');
    const proposal = JSON.parse(stdout);
    expect(proposal.source).toBe('2026년_공동연구_모집공고.docx');
    expect(proposal.round).toEqual({ id: '2026', opens: '2026-03-03', deadline: '2026-03-27', capKrw: 50_000_000, slots: 10 });
    expect(proposal.eligibility).toEqual({ maxYearsSinceFounding: 7 });
    expect(proposal.missing).toEqual([]);
    expect(proposal.sections.map((section: { heading: string }) => section.heading)).toEqual([
      '2026년 의료데이터 중심병원-스타트업 공동연구 프로젝트 참여기업 모집', '사업 개요', '신청 자격', '접수 기간 및 방법', '선정 절차 및 일정', '문의처',
    ]);
    expect(proposal.sections[3].text).toContain('2026. 3. 27.(금) 18:00까지');
    expect(knowledgeSnapshot()).toEqual(before);
  }, 60_000);

  it('exits 2 for a broken PDF, saying what is wrong and what to send instead, and writes nothing', async () => {
    const file = join(folder, 'broken.pdf');
    writeFileSync(file, callPdf().subarray(0, 300));
    const before = knowledgeSnapshot();
    const result = await failure(file, '--json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/broken\.pdf: the PDF file could not be read; it looks damaged/);
    expect(result.stderr).toContain('Send the call as a PDF with selectable text, a Word (.docx) file or an HWPX file');
    expect(knowledgeSnapshot()).toEqual(before);
  }, 60_000);

  it('refuses (exit 2) a file that is not there, not a document, a scan or binary HWP', async () => {
    await expect(inProcess(join(folder, 'nope.pdf'))).rejects.toThrow(UsageError);
    await expect(inProcess(join(folder, 'nope.pdf'))).rejects.toThrow('does not exist');
    const text = join(folder, 'notes.txt');
    writeFileSync(text, '2026년 공고 메모');
    await expect(inProcess(text, '--json')).rejects.toThrow('this is not a PDF, DOCX or HWPX document');
    const hwp = join(folder, 'call.hwp');
    writeFileSync(hwp, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(inProcess(hwp, '--json')).rejects.toThrow('binary HWP file');
  });

  it('a bad --set value, or --approve of a call without its dates, exits 2 saying how to correct it (in English, like the rest of the CLI)', async () => {
    const file = join(folder, 'call-no-dates.docx');
    writeFileSync(file, await callDocx(CALL_2026_LINES.filter((line) => !line.includes('접수기간'))));
    await expect(inProcess(file, '--set', 'deadline=3월 27일')).rejects.toThrow('ingest: --set deadline: write the date as YYYY-MM-DD, e.g. 2026-03-27');
    await expect(inProcess(file, '--approve')).rejects.toThrow('ingest: the round cannot be added without applications open, deadline: correct opens, deadline first (use --set, e.g. --set deadline=2026-03-27)');
    expect(readdirSync(knowledgeDir)).not.toContain('round-2026.md');
  });

  it('--approve writes program.yaml and the knowledge files from a generated PDF, and audits who approved', async () => {
    const file = join(folder, 'call-2026.pdf');
    writeFileSync(file, callPdf());
    const { stdout, stderr } = await inProcess(file, '--json', '--approve', '--by', 'USTAFF');
    expect(JSON.parse(stdout).round).toEqual({ id: '2026', opens: '2026-03-03', deadline: '2026-03-27', capKrw: 50_000_000, slots: 10 });
    expect(stderr).toContain('Approved: wrote knowledge/round-2026.md, knowledge/round-2026.en.md, knowledge/program.yaml');
    const program = parse(readFileSync(join(knowledgeDir, 'program.yaml'), 'utf8'));
    expect(program.rounds.at(-1)).toMatchObject({ id: '2026', opens: '2026-03-03', deadline: '2026-03-27', funding_cap_krw: 50_000_000, companies_selected: 10, sources: ['call-2026.pdf'] });
    expect(program.eligibility.max_years_since_founding).toBe(7);
    expect(readFileSync(join(knowledgeDir, 'program.yaml'), 'utf8')).toContain('# Program facts: the one place staff change for a new round.');
    const knowledge = readFileSync(join(knowledgeDir, 'round-2026.md'), 'utf8');
    expect(knowledge).toContain('- 신청 마감: 2026년 3월 27일 (2026-03-27). 원문: "○ 접수기간: 2026. 3. 3.(화) 10:00 ~ 2026. 3. 27.(금) 18:00까지"');
    expect(knowledge).toContain('## 접수 기간 및 방법 {#round-2026-part-4}');
    const storage = await openStorage(databasePath);
    const [entry] = await storage.audit.recent(1);
    await storage.database.close();
    expect(entry).toMatchObject({ actorId: 'USTAFF', action: 'round_approve', detail: { source: 'call-2026.pdf', round: { id: '2026', deadline: '2026-03-27' } } });
  });
});
