import { readdirSync } from 'node:fs';
import type { Language } from '../conversation/reply.js';

/**
 * The knowledge/privacy*.md files that exist today, cited in section 6 of the draft: the
 * English copies (*.en.md) for an English draft when there are any, else the Korean ones.
 */
export function privacySources(knowledgeDir: string, language: Language): string[] {
  try {
    const files = readdirSync(knowledgeDir).filter((name) => /^privacy.*\.md$/i.test(name)).sort();
    const english = files.filter((name) => /\.en\.md$/i.test(name));
    const korean = files.filter((name) => !/\.en\.md$/i.test(name));
    const chosen = language === 'en' && english.length > 0 ? english : korean.length > 0 ? korean : files;
    return chosen.map((name) => `knowledge/${name}`);
  } catch {
    return [];
  }
}
