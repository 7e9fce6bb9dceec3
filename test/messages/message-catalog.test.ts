import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data-files/data-file-error.js';
import { loadMessageCatalog, placeholdersOf } from '../../src/messages/message-catalog.js';
import { BUNDLED_MESSAGES_DIR, text, useMessageCatalog } from '../../src/messages/messages.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function catalogDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'itda-messages-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function problemOf(dir: string): DataFileError {
  try {
    loadMessageCatalog(dir);
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error('the catalog loaded');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the bundled message catalogs', () => {
  const catalog = loadMessageCatalog(BUNDLED_MESSAGES_DIR);

  it('have every key in both languages with the same placeholders', () => {
    expect([...catalog.ko.keys()].sort()).toEqual([...catalog.en.keys()].sort());
    for (const [key, message] of catalog.ko) expect({ key, placeholders: placeholdersOf(catalog.en.get(key)!) }).toEqual({ key, placeholders: placeholdersOf(message) });
  });

  it('hold every message name the code looks up', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(BUNDLED_MESSAGES_DIR, '../../src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:t|text|messageText)\(\s*(?:[a-zA-Z.]+,\s*)?'([a-z][a-zA-Z0-9]*\.[a-z][a-zA-Z0-9]*)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((key) => !catalog.ko.has(key))).toEqual([]);
  });
});

describe('a staff edit to the catalogs', () => {
  it('fills placeholders', () => {
    const dir = catalogDir({ 'ko/demo.yaml': 'hello: "{name}님, 안녕하세요"\n', 'en/demo.yaml': 'hello: "Hello, {name}"\n' });
    useMessageCatalog(loadMessageCatalog(dir));
    try {
      expect(text('ko', 'demo.hello', { name: '민지' })).toBe('민지님, 안녕하세요');
      expect(text('en', 'demo.hello', { name: 'Minji' })).toBe('Hello, Minji');
      expect(() => text('en', 'demo.hello')).toThrow('demo.hello needs {name}');
    } finally {
      useMessageCatalog(loadMessageCatalog(BUNDLED_MESSAGES_DIR));
    }
  });

  it('missing a key in one language names the file, the key and the fix', () => {
    const dir = catalogDir({ 'ko/qa.yaml': 'noSource: "근거를 찾지 못했어요: {topic}"\nthanks: "고마워요"\n', 'en/qa.yaml': 'thanks: "Thanks"\n' });
    const error = problemOf(dir);
    expect(error.file).toBe(join(dir, 'en', 'qa.yaml'));
    expect(error.message).toContain('noSource: missing; ko/qa.yaml has it with {topic}');
    expect(error.message).toContain('fix: give every message in both languages');
  });

  it('with a placeholder renamed in one language is reported', () => {
    const dir = catalogDir({ 'ko/qa.yaml': 'noSource: "{topic} 근거 없음"\n', 'en/qa.yaml': 'noSource: "No source for {subject}"\n' });
    expect(problemOf(dir).message).toContain('noSource: placeholders {subject} differ from ko/qa.yaml\'s {topic}');
  });

  it('with a file in one language only is reported', () => {
    const dir = catalogDir({ 'ko/qa.yaml': 'thanks: "고마워요"\n' });
    const error = problemOf(dir);
    expect(error.file).toBe(join(dir, 'en', 'qa.yaml'));
    expect(error.message).toContain('add en/qa.yaml');
  });

  it('with an empty message or a bad name gives the line', () => {
    const dir = catalogDir({ 'ko/qa.yaml': 'thanks: "고마워요"\nno-source: ""\n', 'en/qa.yaml': 'thanks: "Thanks"\n' });
    expect(problemOf(dir).message).toMatch(/line 2/);
  });
});
