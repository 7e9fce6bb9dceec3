import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../messages/language.js';

/**
 * The privacy documents cited in the plan, by their titles ("개인정보 보호법과 가명정보 …"),
 * never by file path: a reviewer reads a plan, not our repository. English titles for an
 * English plan when there are English copies (*.en.md), else the Korean ones.
 */
export function privacySources(knowledgeDir: string, language: Language): string[] {
  try {
    const files = readdirSync(knowledgeDir).filter((name) => /^privacy.*\.md$/i.test(name)).sort();
    const english = files.filter((name) => /\.en\.md$/i.test(name));
    const korean = files.filter((name) => !/\.en\.md$/i.test(name));
    const chosen = language === 'en' && english.length > 0 ? english : korean.length > 0 ? korean : files;
    return chosen.map((name) => titleOf(join(knowledgeDir, name))).filter((title): title is string => title !== undefined);
  } catch {
    return [];
  }
}

function titleOf(file: string): string | undefined {
  const text = readFileSync(file, 'utf8');
  const title = /^---[\s\S]*?^title:\s*["']?(.+?)["']?\s*$/m.exec(text)?.[1] ?? /^#\s+(.+)$/m.exec(text)?.[1];
  return title?.trim();
}
