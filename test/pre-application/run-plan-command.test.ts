import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPlanCommand } from '../../src/pre-application/run-plan-command.js';
import { KNOWLEDGE_DIR, NOW } from './transcript.js';
import { readDocxText } from './read-docx-text.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const outDir = () => mkdtempSync(join(tmpdir(), 'itda-plan-'));

describe('plan --answers <file.json> --format md|docx --out <file>', () => {
  it('writes a Korean Markdown draft and exits 0', async () => {
    const outPath = join(outDir(), 'plan.md');
    const result = await runPlanCommand({ answersPath: fixture('plan-answers.json'), format: 'md', outPath, knowledgeDir: KNOWLEDGE_DIR, now: NOW });
    expect(result).toMatchObject({ exitCode: 0, stderr: [] });
    const markdown = readFileSync(outPath, 'utf8');
    expect(markdown).toContain('## 13. 예산');
    expect(markdown).toContain('지원 한도 50,000,000원 중');
    expect(markdown).toContain('| 데이터 이용료 | 15,000,000 |');
  });

  it('writes an English Word draft with its text readable in document.xml', async () => {
    const outPath = join(outDir(), 'plan.docx');
    const result = await runPlanCommand({ answersPath: fixture('plan-answers-en.json'), format: 'docx', outPath, knowledgeDir: KNOWLEDGE_DIR, now: NOW });
    expect(result.exitCode).toBe(0);
    const text = readDocxText(readFileSync(outPath));
    expect(text).toContain('13. Budget');
    expect(text).toContain('Multi-centre validation of an AI');
  });

  it('exits 2 with one line per problem, naming field and rule, and writes nothing', async () => {
    const outPath = join(outDir(), 'plan.md');
    const result = await runPlanCommand({ answersPath: fixture('plan-answers-invalid.json'), format: 'md', outPath, knowledgeDir: KNOWLEDGE_DIR, now: NOW });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('budget: total 80,000,000 KRW exceeds the 50,000,000 KRW cap; cut 30,000,000 KRW');
    expect(result.stderr).toContain('contact.email: "lee-at-example.com" is not an email address (e.g. jane@example.com)');
    expect(result.stderr).toContainEqual(expect.stringMatching(/^dataNeeds\[0\]\.type: "telepathy" is not one of the allowed values; use one of: emr \(electronic medical records\), imaging \(medical imaging\)/));
    expect(result.stderr.join('\n')).not.toMatch(/Invalid input|expected string|received/);
    expect(existsSync(outPath)).toBe(false);
  });

  it('names every problem field by field, never as a schema message, and exits 2 for each', async () => {
    const dir = outDir();
    const base = JSON.parse(readFileSync(fixture('plan-answers-en.json'), 'utf8')) as Record<string, any>;
    const write = (name: string, answers: unknown) => {
      writeFileSync(join(dir, name), JSON.stringify(answers));
      return runPlanCommand({ answersPath: join(dir, name), format: 'md', outPath: join(dir, `${name}.md`), knowledgeDir: KNOWLEDGE_DIR, now: NOW });
    };
    const xray = await write('xray.json', { ...base, dataNeeds: [{ type: 'xray', description: 'Chest X-rays' }] });
    expect(xray.exitCode).toBe(2);
    expect(xray.stderr[0]).toMatch(/^dataNeeds\[0\]\.type: "xray" is not one of the allowed values; use one of: emr .*imaging .*other \(other\)$/);
    const { title: _title, company, ...rest } = base;
    const missing = await write('missing.json', { ...rest, company: { ...company, name: undefined } });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toEqual(expect.arrayContaining(['title: the project title is missing; please fill it in.', 'company.name: the company name is missing; please fill it in.']));
    const korean = await write('ko.json', { ...base, language: 'ko', purposes: ['돈 벌기'] });
    expect(korean.exitCode).toBe(2);
    expect(korean.stderr[0]).toMatch(/^purposes\[0\]: "돈 벌기"는 쓸 수 있는 값이 아니에요. 다음 중 하나로 적어 주세요: clinical_evidence/);
    const nameOnly = await write('name-only.json', { ...base, contact: { name: 'Jane Kim' } });
    expect(nameOnly).toMatchObject({ exitCode: 2, stderr: ['contact.email: a contact name is given, so the contact email is needed too'] });
    const emailOnly = await write('email-only.json', { ...base, contact: { email: 'jane@example.com' } });
    expect(emailOnly).toMatchObject({ exitCode: 0, stderr: [] });
  });

  it('a list entry that is too long is named with its number, in English as in Korean', async () => {
    const dir = outDir();
    const base = JSON.parse(readFileSync(fixture('plan-answers-en.json'), 'utf8')) as Record<string, any>;
    const objectives = ['Validate the model on 3 hospitals', 'x'.repeat(301)];
    for (const [language, expected] of [
      ['en', 'objectives: the objectives #2 must be at most 300 characters (has 301)'],
      ['ko', 'objectives: 연구 목표 2번째는 300자 이하로 줄여 주세요 (지금 301자).'],
    ] as const) {
      writeFileSync(join(dir, `${language}.json`), JSON.stringify({ ...base, language, objectives }));
      const result = await runPlanCommand({ answersPath: join(dir, `${language}.json`), format: 'md', outPath: join(dir, `${language}.md`), knowledgeDir: KNOWLEDGE_DIR, now: NOW });
      expect(result).toMatchObject({ exitCode: 2, stderr: [expected] });
    }
  });

  it('exits 2 for a missing file, bad JSON or an unknown format', async () => {
    const dir = outDir();
    const outPath = join(dir, 'plan.md');
    const missing = await runPlanCommand({ answersPath: join(dir, 'none.json'), format: 'md', outPath, knowledgeDir: KNOWLEDGE_DIR });
    expect(missing).toMatchObject({ exitCode: 2, stderr: [expect.stringContaining('cannot read')] });
    writeFileSync(join(dir, 'bad.json'), '{ "company": ');
    const badJson = await runPlanCommand({ answersPath: join(dir, 'bad.json'), format: 'md', outPath, knowledgeDir: KNOWLEDGE_DIR });
    expect(badJson).toMatchObject({ exitCode: 2, stderr: [expect.stringContaining('is not valid JSON')] });
    const badFormat = await runPlanCommand({ answersPath: fixture('plan-answers.json'), format: 'pdf' as 'md', outPath, knowledgeDir: KNOWLEDGE_DIR });
    expect(badFormat).toMatchObject({ exitCode: 2, stderr: ['format: "pdf" is not supported; use md or docx'] });
    expect(existsSync(outPath)).toBe(false);
  });
});
