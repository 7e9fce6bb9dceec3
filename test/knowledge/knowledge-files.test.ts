import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The knowledge Markdown is written by hand; these checks catch what the QA parser and the
// extractive answers rely on before a broken file reaches the index.
const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));
const headingWithId = /^## (.+) \{#([a-z0-9]+(?:-[a-z0-9]+)*)\}$/;
const legalTopics = ['privacy-pipa', 'privacy-guideline', 'research-ethics'];
const notLegalAdvice = { ko: '법률 자문이 아닙니다', en: 'not legal advice' };

interface Section { heading: string; id: string; lines: string[] }
interface KnowledgeFile { name: string; frontMatter: Record<string, unknown>; titleLines: string[]; sections: Section[]; strayLines: string[]; body: string }

function readKnowledgeFile(name: string): KnowledgeFile {
  const text = readFileSync(join(knowledgeDir, name), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${name}: no front matter between --- lines`);
  const sections: Section[] = [];
  const titleLines: string[] = [];
  const strayLines: string[] = [];
  for (const line of match[2]!.split('\n')) {
    if (line.startsWith('# ')) titleLines.push(line);
    else if (line.startsWith('## ')) {
      const heading = headingWithId.exec(line);
      sections.push({ heading: heading?.[1] ?? line, id: heading?.[2] ?? '(missing id)', lines: [] });
    } else if (/^\? /.test(line)) continue; // the questions a section answers: indexed, never shown
    else if (line.trim() !== '') (sections.at(-1)?.lines ?? strayLines).push(line);
  }
  return { name, frontMatter: parse(match[1]!) as Record<string, unknown>, titleLines, sections, strayLines, body: match[2]! };
}

const files = readdirSync(knowledgeDir).filter((name) => name.endsWith('.md')).sort().map(readKnowledgeFile);
const koreanFiles = files.filter((file) => !file.name.endsWith('.en.md'));
const languageOf = (name: string) => (name.endsWith('.en.md') ? 'en' : 'ko');
const twinName = (name: string) => name.replace(/\.md$/, '.en.md');
const wordCount = (lines: string[]) => lines.join(' ').split(/\s+/).filter(Boolean).length;

describe('knowledge Markdown files', () => {
  it('cover every topic the brief lists, each as a Korean file and an English twin', () => {
    for (const topic of ['program', 'eligibility', 'funding', 'schedule', 'how-to-apply', 'hospitals', 'data', 'projects-2024', ...legalTopics, 'faq', 'about-itda']) {
      expect(files.map((file) => file.name)).toContain(`${topic}.md`);
    }
    for (const file of koreanFiles) expect(existsSync(join(knowledgeDir, twinName(file.name))), `${twinName(file.name)} is missing`).toBe(true);
  });

  it.each(files.map((file) => [file.name, file] as const))('%s has valid front matter, one title and {#id} headings', (name, file) => {
    const { title, language, as_of: asOf, sources } = file.frontMatter;
    expect(typeof title === 'string' && title.length > 0).toBe(true);
    expect(language).toBe(languageOf(name));
    expect(String(asOf)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Array.isArray(sources) && sources.length > 0 && sources.every((source) => typeof source === 'string')).toBe(true);
    expect(file.titleLines).toEqual([`# ${title}`]);
    expect(file.strayLines, 'text before the first ## section').toEqual([]);
    expect(file.sections.length).toBeGreaterThan(0);
    for (const section of file.sections) expect(section.id, `heading "${section.heading}" needs {#kebab-case-id}`).not.toBe('(missing id)');
    const ids = file.sections.map((section) => section.id);
    expect(new Set(ids).size, 'section ids are unique').toBe(ids.length);
  });

  it.each(koreanFiles.map((file) => [file.name, file] as const))('%s and its twin share section ids in the same order', (name, file) => {
    const twin = files.find((candidate) => candidate.name === twinName(name))!;
    expect(twin.sections.map((section) => section.id)).toEqual(file.sections.map((section) => section.id));
  });

  it('keeps each section short and self-contained (FAQ answers 2–5 lines)', () => {
    for (const file of files) {
      for (const section of file.sections) {
        const where = `${file.name}#${section.id}`;
        if (section.id.startsWith('faq-')) {
          expect(section.lines.length, where).toBeGreaterThanOrEqual(2);
          expect(section.lines.length, where).toBeLessThanOrEqual(5);
          continue;
        }
        // Korean particles attach to words, so a Korean section has fewer space-separated words.
        expect(wordCount(section.lines), where).toBeGreaterThanOrEqual(languageOf(file.name) === 'en' ? 40 : 25);
        expect(wordCount(section.lines), where).toBeLessThanOrEqual(200);
      }
    }
  });

  it('ends every legal section with the "general information, not legal advice" line', () => {
    for (const file of files.filter((candidate) => legalTopics.some((topic) => candidate.name.startsWith(`${topic}.`)))) {
      for (const section of file.sections) {
        expect(section.lines.at(-1), `${file.name}#${section.id}`).toContain(notLegalAdvice[languageOf(file.name)]);
      }
    }
  });

  it('never presents a round as open: no D-n countdowns, no "now open"', () => {
    for (const file of files) {
      expect(file.body, file.name).not.toMatch(/\bD-\d/);
      expect(file.body.toLowerCase(), file.name).not.toMatch(/now open|접수 중|모집 중/);
    }
  });
});

interface EvalQuestion {
  id: string;
  route?: string;
  question?: string;
  turns?: string[];
  language: 'ko' | 'en';
  now?: string;
  expect: { sources?: string[]; facts?: string[][]; outOfScope?: boolean; kind?: string };
}

const readQuestions = (split: string) =>
  (parse(readFileSync(fileURLToPath(new URL(`../../eval/qa-${split}.yaml`, import.meta.url)), 'utf8')) as { questions: EvalQuestion[] }).questions;

describe('eval/qa-dev.yaml and eval/qa-test.yaml', () => {
  const questions = [...readQuestions('dev'), ...readQuestions('test')];
  const count = (predicate: (question: EvalQuestion) => boolean) => questions.filter(predicate).length;

  it('has at least 300 questions and 40 dialogues, about 60% Korean, with unique ids', () => {
    expect(questions.length).toBeGreaterThanOrEqual(300);
    expect(count((question) => question.turns !== undefined)).toBeGreaterThanOrEqual(40);
    expect(new Set(questions.map((question) => question.id)).size).toBe(questions.length);
    const koreanShare = count((question) => question.language === 'ko') / questions.length;
    expect(koreanShare).toBeGreaterThan(0.5);
    expect(koreanShare).toBeLessThan(0.7);
  });

  it('includes dated, eligibility, refusal, injection and unanswerable cases', () => {
    expect(count((question) => question.now !== undefined && question.now < '2025-04-28')).toBeGreaterThanOrEqual(3);
    expect(count((question) => question.now !== undefined && question.now > '2025-04-28')).toBeGreaterThanOrEqual(3);
    expect(count((question) => question.expect.kind === 'eligibility')).toBeGreaterThanOrEqual(4);
    expect(count((question) => question.expect.outOfScope === true)).toBeGreaterThanOrEqual(6);
    expect(count((question) => question.expect.kind === 'medical_advice')).toBeGreaterThanOrEqual(3);
    expect(count((question) => question.expect.kind === 'injection')).toBeGreaterThanOrEqual(4);
    expect(count((question) => question.expect.kind === 'no_source')).toBeGreaterThanOrEqual(3);
  });

  it('points every expected source at an existing Korean knowledge file, and every topic is asked about', () => {
    const asked = new Set(questions.flatMap((question) => question.expect.sources ?? []));
    for (const source of asked) expect(existsSync(join(knowledgeDir, '..', source)), source).toBe(true);
    for (const file of koreanFiles) expect(asked, `no question about ${file.name}`).toContain(`knowledge/${file.name}`);
  });

  // Facts must be literally in the text an extractive answer is drawn from (dates the engine
  // computes, such as D-8, and the computed spending and eligibility verdicts are the exception:
  // they come from program.yaml and knowledge/funding-uses.yaml, not from the prose).
  it('expects only facts the knowledge text states, in the question language', () => {
    const quoted = (candidate: EvalQuestion) => candidate.now === undefined && candidate.expect.sources && candidate.route !== 'funding' && candidate.turns === undefined;
    for (const question of questions.filter(quoted)) {
      const texts = question.expect.sources!.map((source) => {
        const name = source.replace(/^knowledge\//, '');
        return readFileSync(join(knowledgeDir, question.language === 'en' ? twinName(name) : name), 'utf8').toLowerCase();
      });
      for (const alternatives of question.expect.facts ?? []) {
        const found = alternatives.some((fact) => texts.some((text) => text.includes(fact.toLowerCase())));
        expect(found, `${question.id}: none of ${JSON.stringify(alternatives)} is in ${question.expect.sources!.join(', ')}`).toBe(true);
      }
    }
  });
});
