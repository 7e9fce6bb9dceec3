import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkByHeadings } from '../../src/knowledge/chunk-by-headings.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { parseKnowledgeFile } from '../../src/knowledge/parse-knowledge-file.js';
import { knowledgeQa, KNOWLEDGE_DIR } from '../question-answering/knowledge-qa.js';

const sample = `---
title: 지원 내용
language: ko
as_of: 2026-11-28
sources: ["seed"]
---
# 지원 내용

## 기업당 지원금 {#grant-amount}
- 기업당 최대 5천만 원입니다.
- 2025년 공고 기준입니다.

## 지원금 용도 {#eligible-costs}
- 데이터 가공비에 쓸 수 있습니다.
`;

describe('knowledge files become heading chunks with stable ids', () => {
  it('parses front matter and sections, one chunk per ## heading, id from {#id}', () => {
    const parsed = parseKnowledgeFile('funding.md', sample);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.file).toMatchObject({ source: 'knowledge/funding.md', topic: 'funding', language: 'ko', asOf: '2026-11-28', sources: ['seed'] });
    const chunks = chunkByHeadings(parsed.file);
    expect(chunks.map((chunk) => chunk.id)).toEqual(['funding#grant-amount@ko', 'funding#eligible-costs@ko']);
    expect(chunks[0]!.metadata).toMatchObject({ heading: '기업당 지원금', lines: ['기업당 최대 5천만 원입니다.', '2025년 공고 기준입니다.'] });
  });

  it('reports a half-written file as a problem value naming the file and line', () => {
    expect(parseKnowledgeFile('funding.md', sample.slice(0, 40))).toEqual({ ok: false, problem: expect.stringContaining('knowledge/funding.md') });
    const noId = parseKnowledgeFile('funding.md', sample.replace(' {#eligible-costs}', ''));
    expect(noId).toEqual({ ok: false, problem: expect.stringMatching(/line 13: heading "## 지원금 용도" needs a \{#kebab-case-id\}/) });
  });

  it('loads every file of the real knowledge folder with twins sharing section ids', async () => {
    const knowledge = await loadKnowledge(KNOWLEDGE_DIR);
    expect(knowledge.problems).toEqual([]);
    const ids = new Set(knowledge.chunks.map((chunk) => chunk.id));
    for (const chunk of knowledge.chunks.filter((candidate) => candidate.metadata.language === 'ko')) {
      expect(ids.has(chunk.id.replace(/@ko$/, '@en')), chunk.id).toBe(true);
    }
  });
});

describe('the running index follows knowledge edits without a restart', () => {
  let directory: string;
  let qa: Awaited<ReturnType<typeof knowledgeQa>>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'itda-knowledge-'));
    cpSync(KNOWLEDGE_DIR, directory, { recursive: true });
    qa = await knowledgeQa({ knowledgeDir: directory });
  });
  afterAll(() => qa.knowledge.close());

  it('re-embeds only the edited section, and a restart with unchanged files embeds nothing', async () => {
    const file = join(directory, 'funding.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('5천만 원(', '5천만 원(편집 확인, '));
    expect(await qa.knowledge.reload()).toBe(true);
    expect(qa.knowledge.current.stats.embedded).toBe(1);
    expect(await qa.ask('지원금은 얼마인가요?')).toContain('편집 확인');
    expect(await qa.knowledge.reload()).toBe(true);
    expect(qa.knowledge.current.stats.embedded).toBe(0);
  });

  it('keeps answering from the old index while a file is half-written', async () => {
    const file = join(directory, 'funding.md');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.slice(0, 60));
    expect(await qa.knowledge.reload()).toBe(false);
    expect(await qa.ask('지원금은 얼마인가요?')).toContain('5천만 원');
    writeFileSync(file, before);
  });

  it('picks up an edit by itself when watching', async () => {
    qa.knowledge.watch(50);
    const file = join(directory, 'funding.en.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('pay for data processing (', 'pay for data processing (watched edit, '));
    await expect.poll(() => qa.ask('What does the grant pay for?'), { timeout: 5_000, interval: 100 }).toContain('watched edit');
  });
});
