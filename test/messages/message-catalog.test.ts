import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/data-files/data-file-error.js';
import { loadMessageCatalog, MESSAGE_LANGUAGES, placeholdersOf } from '../../src/messages/message-catalog.js';
import { BUNDLED_MESSAGES_DIR, text, useMessageCatalog } from '../../src/messages/messages.js';
import { PERSONAL_DATA_KINDS, personalDataLabel } from '../../src/privacy/personal-data-kinds.js';

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

/** Keys built at run time, each with the real code that builds every one of them (it throws on a missing key). */
const RUNTIME_KEY_FAMILIES: Record<string, () => unknown> = {
  'privacy.kind': () => PERSONAL_DATA_KINDS.flatMap((kind) => MESSAGE_LANGUAGES.map((language) => personalDataLabel(kind, language))),
};

const FILE_EXTENSIONS = new Set(['md', 'docx', 'yaml', 'yml', 'json', 'jsonl', 'csv', 'txt', 'pdf', 'hwpx', 'ts', 'js']);

function capabilitiesOf(catalog: ReturnType<typeof loadMessageCatalog>): Set<string> {
  return new Set([...catalog.ko.keys()].map((key) => key.slice(0, key.indexOf('.'))));
}

/**
 * Every message key the code names: any string in the code (not in a comment) that is
 * "<catalog file>.<name>", wherever it stands (a lookup, a table of keys, textInEach), and the
 * fixed start of every template string that builds a key ("privacy.kind${…}").
 */
function messageKeysInCode(dir: string, capabilities: Set<string>): { keys: Map<string, Set<string>>; families: Map<string, Set<string>> } {
  const keys = new Map<string, Set<string>>();
  const families = new Map<string, Set<string>>();
  const note = (into: Map<string, Set<string>>, key: string, file: string) => into.set(key, (into.get(key) ?? new Set()).add(relative(dir, file)));
  // "plan.docx" is a file name, not the plan catalog's message "docx".
  const isCapability = (value: string) => capabilities.has(value.slice(0, value.indexOf('.'))) && !FILE_EXTENSIONS.has(value.slice(value.indexOf('.') + 1));
  for (const file of sourceFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const visit = (node: ts.Node): void => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^[a-z][a-zA-Z-]*\.[a-z][a-zA-Z0-9]*$/.test(node.text) && isCapability(node.text)) note(keys, node.text, file);
      if (ts.isTemplateExpression(node) && /^[a-z][a-zA-Z-]*\.[a-zA-Z0-9]*$/.test(node.head.text) && isCapability(node.head.text)) note(families, node.head.text, file);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { keys, families };
}

describe('the bundled message catalogs', () => {
  const catalog = loadMessageCatalog(BUNDLED_MESSAGES_DIR);

  it('have every key in both languages with the same placeholders', () => {
    expect([...catalog.ko.keys()].sort()).toEqual([...catalog.en.keys()].sort());
    for (const [key, message] of catalog.ko) expect({ key, placeholders: placeholdersOf(catalog.en.get(key)!) }).toEqual({ key, placeholders: placeholdersOf(message) });
  });

  it('hold every message name the code looks up, in both languages', () => {
    const { keys, families } = messageKeysInCode(join(BUNDLED_MESSAGES_DIR, '../../src'), capabilitiesOf(catalog));
    expect(keys.size).toBeGreaterThan(300);
    for (const language of ['ko', 'en'] as const) {
      expect({ language, unknown: [...keys.keys()].filter((key) => !catalog[language].has(key)).map((key) => `${key} (${[...keys.get(key)!].join(', ')})`) }).toEqual({ language, unknown: [] });
    }
    // A key built at run time cannot be read from the code: each such family is listed here
    // with the code that enumerates it, and a new family fails until it is listed.
    expect([...families.keys()].sort()).toEqual(Object.keys(RUNTIME_KEY_FAMILIES).sort());
    for (const enumerate of Object.values(RUNTIME_KEY_FAMILIES)) expect(() => enumerate()).not.toThrow();
  });

  it('the scan sees keys in tables, in text(\'ko\', …), in textInEach and in keys built at run time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'itda-scan-'));
    made.push(dir);
    writeFileSync(join(dir, 'demo.ts'), [
      "const LABELS = { id: 'rounds.fieldRoundId', gone: 'rounds.noSuchKey' };",
      "text('ko', 'staff-tickets.send'); textInEach('form.notAKey', () => ({}));",
      "const kind = (name: string) => text('en', `privacy.kind${name}`);",
      "// 'qa.inAComment' is not code; 'round.id' and 'plan.docx' are not catalog keys either",
      "const file = 'plan.docx'; const field = 'round.id';",
    ].join('\n'));
    const { keys, families } = messageKeysInCode(dir, capabilitiesOf(catalog));
    expect([...keys.keys()].sort()).toEqual(['form.notAKey', 'rounds.fieldRoundId', 'rounds.noSuchKey', 'staff-tickets.send']);
    expect([...families.keys()]).toEqual(['privacy.kind']);
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
