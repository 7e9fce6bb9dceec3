import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Language } from './language.js';
import { DataFileError, type DataFileProblem } from '../data-files/data-file-error.js';
import { loadDataFile } from '../data-files/load-data-file.js';

/**
 * Everything Itda says, as staff-edited data: knowledge/messages/<language>/<capability>.yaml,
 * one flat map of message name → text per capability. The key `qa.noSource` is `noSource` in
 * qa.yaml. Placeholders are written `{name}` and filled by `text()`; both languages must have
 * the same files, the same keys and the same placeholders, checked here so a staff typo stops
 * the start with the file, the key and the fix instead of showing a founder a raw key.
 */
export const MESSAGE_LANGUAGES: readonly Language[] = ['ko', 'en'];

export type MessageCatalog = Record<Language, ReadonlyMap<string, string>>;

const KEY = /^[a-z][A-Za-z0-9]*$/;
const fileSchema = z.record(
  z.string().regex(KEY, 'a message name is one word in camelCase, e.g. noSource'),
  z.string().min(1, 'a message needs its text; write the sentence Itda should say'),
);

/** `{name}` in a message; other braces (JSON examples, emoji text) are left as they are. */
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

export function placeholdersOf(message: string): string[] {
  return [...new Set([...message.matchAll(PLACEHOLDER)].map((match) => match[1]!))].sort();
}

/** Reads and cross-checks both languages; throws a DataFileError naming file, key and fix. */
export function loadMessageCatalog(dir: string): MessageCatalog {
  const files = Object.fromEntries(MESSAGE_LANGUAGES.map((language) => [language, capabilityFiles(join(dir, language))])) as Record<Language, string[]>;
  const catalog = { ko: new Map<string, string>(), en: new Map<string, string>() };
  for (const language of MESSAGE_LANGUAGES) {
    for (const capability of files[language]) {
      const file = join(dir, language, `${capability}.yaml`);
      const messages = loadDataFile(file, fileSchema, `write each message as name: text, e.g. noSource: "근거 문서를 찾지 못했어요."`);
      for (const [key, message] of Object.entries(messages)) catalog[language].set(`${capability}.${key}`, message);
    }
  }
  const [first, second] = MESSAGE_LANGUAGES as [Language, Language];
  for (const [language, other] of [[first, second], [second, first]] as const) {
    for (const capability of files[language]) {
      if (!files[other].includes(capability)) {
        throw new DataFileError(join(dir, other, `${capability}.yaml`), [{ path: '', message: `missing: ${language}/${capability}.yaml has no ${other} counterpart` }], `add ${other}/${capability}.yaml with the same message names, translated`);
      }
    }
  }
  for (const capability of files[first]) {
    const problems: Record<Language, DataFileProblem[]> = { ko: [], en: [] };
    const prefix = `${capability}.`;
    for (const [language, other] of [[first, second], [second, first]] as const) {
      for (const [key, message] of catalog[language]) {
        if (!key.startsWith(prefix)) continue;
        const counterpart = catalog[other].get(key);
        const name = key.slice(prefix.length);
        const expected = placeholdersOf(message);
        if (counterpart === undefined) {
          problems[other].push({ path: name, message: `missing; ${language}/${capability}.yaml has it${expected.length ? ` with ${expected.map((p) => `{${p}}`).join(', ')}` : ''}` });
        } else if (language === first && expected.join() !== placeholdersOf(counterpart).join()) {
          problems[other].push({ path: name, message: `placeholders ${show(placeholdersOf(counterpart))} differ from ${language}/${capability}.yaml's ${show(expected)}` });
        }
      }
    }
    for (const language of MESSAGE_LANGUAGES) {
      if (problems[language].length > 0) {
        throw new DataFileError(join(dir, language, `${capability}.yaml`), problems[language], 'give every message in both languages, with the same {placeholders} (translate the text, keep the names in braces as they are)');
      }
    }
  }
  return catalog;
}

function capabilityFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name.endsWith('.yaml')).map((name) => basename(name, '.yaml')).sort();
}

function show(placeholders: string[]): string {
  return placeholders.length ? placeholders.map((p) => `{${p}}`).join(', ') : '(none)';
}
