import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from './language.js';
import { loadMessageCatalog, type MessageCatalog } from './message-catalog.js';
import { withParticle, type ParticlePair } from './korean-particle.js';

/**
 * The wording in use. The app loads knowledge/messages/ once at start (createCapabilities) and
 * installs it with useMessageCatalog; code that runs before that (a test, a one-shot command)
 * gets the bundled catalog on first use. A live-reload watcher can install a new catalog the
 * same way.
 */
export type MessageVars = Readonly<Record<string, string | number>>;
/** A lookup bound to one language: `t('conversation.forgotten', { turns, feedback })`. */
export interface Text {
  (key: string, vars?: MessageVars): string;
  /** For the few values that come in both languages from other data (a form field's example). */
  readonly language: Language;
}

export const BUNDLED_MESSAGES_DIR = fileURLToPath(new URL('../../knowledge/messages/', import.meta.url));

let current: MessageCatalog | undefined;

/** The knowledge folder's own messages/, or the bundled ones when it has none (a test's small folder). */
export function messagesDirOf(knowledgeDir: string): string {
  const own = join(knowledgeDir, 'messages');
  return existsSync(own) ? own : BUNDLED_MESSAGES_DIR;
}

export function useMessageCatalog(catalog: MessageCatalog): void {
  current = catalog;
}

export function text(language: Language, key: string, vars: MessageVars = {}): string {
  current ??= loadMessageCatalog(BUNDLED_MESSAGES_DIR);
  const message = current[language].get(key);
  // A key missing from the catalog is a code mistake (the catalog test lists every key the code uses).
  if (message === undefined) throw new Error(`message ${key} is not in knowledge/messages/${language}/`);
  return message.replace(PLACEHOLDER, (whole, name: string, quote: string, particle: string | undefined) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`message ${key} needs {${name}}`);
    const filled = String(value);
    if (!particle || language !== 'ko') return `${filled}${quote}${particle ?? ''}`;
    // "{label}은(는)" in a Korean message: the particle that fits what was filled in ("주요 사업은", "회사명은").
    return `${filled}${quote}${withParticle(filled, PARTICLES[particle]!).slice(filled.length)}`;
  });
}

/** Written in a catalog after a placeholder, these are chosen for the filled-in word. */
const PARTICLES: Record<string, ParticlePair> = { '은(는)': '은/는', '이(가)': '이/가', '을(를)': '을/를', '과(와)': '과/와', '(으)로': '으로/로' };
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}(["'”」]?)(은\(는\)|이\(가\)|을\(를\)|과\(와\)|\(으\)로)?/g;

export function textIn(language: Language): Text {
  return Object.assign((key: string, vars?: MessageVars) => text(language, key, vars), { language });
}


/** Both languages at once, for wording made before its reader's language is known (an answers-file problem). */
export function textInEach(key: string, vars: (language: Language) => MessageVars = () => ({})): Record<Language, string> {
  return { ko: text('ko', key, vars('ko')), en: text('en', key, vars('en')) };
}
