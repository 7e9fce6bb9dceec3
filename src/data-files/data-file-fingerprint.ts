import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `root` (recursively, skipping dot-files and editor swap files), relative with "/". */
export function listFiles(root: string, includes: (relativePath: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.endsWith('~') || entry.name.endsWith('.swp')) continue;
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && includes(path)) found.push(path);
    }
  };
  walk('');
  return found.sort();
}

/**
 * A hash of the kind's file names and contents: changes exactly when one of them does. Contents,
 * not modification times, because two saves within a clock tick (or a copy that keeps the
 * time) must still count as an edit. All staff files together are a few hundred kilobytes.
 */
export function fingerprint(root: string, files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file).update('\0');
    try {
      hash.update(readFileSync(join(root, file)));
    } catch {
      hash.update('(unreadable)');
    }
    hash.update('\0');
  }
  return hash.digest('base64url');
}
