import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Parsed YAML kept as JSON, keyed by a hash of the file's text: parsing the 75 KB glossary with
 * `yaml` costs about 150 ms at every start, reading its JSON about 2 ms. The schema still
 * validates every load, and any edit to the file changes the hash, so the cache can only save
 * time, never change a result. One entry per file name; a new version replaces the old.
 */
let directory: string | undefined;
const inMemory = new Map<string, unknown>();

/** Where parsed data files are cached on disk (the app's index directory); unset, only in memory. */
export function useParsedDataCache(cacheDirectory: string | undefined): void {
  directory = cacheDirectory;
}

export function cachedParse(file: string, text: string): unknown {
  const key = cacheKey(file, text);
  if (inMemory.has(key)) return inMemory.get(key);
  if (!directory) return undefined;
  try {
    const value: unknown = JSON.parse(readFileSync(join(directory, `${key}.json`), 'utf8'));
    inMemory.set(key, value);
    return value;
  } catch {
    return undefined;
  }
}

export function rememberParse(file: string, text: string, value: unknown): void {
  const key = cacheKey(file, text);
  inMemory.set(key, value);
  if (!directory) return;
  try {
    mkdirSync(directory, { recursive: true });
    const prefix = `${key.slice(0, key.lastIndexOf('-'))}-`;
    for (const old of readdirSync(directory)) if (old.startsWith(prefix) && old !== `${key}.json`) rmSync(join(directory, old), { force: true });
    const temporary = join(directory, `${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, join(directory, `${key}.json`));
  } catch {
    // A cache that cannot be written only costs the parse next time.
  }
}

function cacheKey(file: string, text: string): string {
  const name = basename(file).replace(/[^A-Za-z0-9._]/g, '_');
  return `${name}-${createHash('sha256').update(text).digest('base64url')}`;
}
