import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

interface Manifest {
  root: string;
  loadedAt: string;
  /** The files' fingerprint (data-file-fingerprint.ts) when copied; absent in copies saved before it was kept. */
  fingerprint?: string;
}

/**
 * The last good copy of each kind's files, kept under the app's index directory, so a restart
 * after a broken edit (a deploy, a crash) starts with what was last known to work instead of
 * refusing. The copy remembers which folder it came from and is used only for that folder.
 */
export class LastGoodCopies {
  constructor(private readonly directory: string | undefined) {}

  save(kind: string, root: string, files: string[], loadedAt: string, fingerprint?: string): void {
    if (!this.directory) return;
    const final = join(this.directory, kind);
    const temporary = `${final}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const manifest: Manifest = { root: resolve(root), loadedAt, fingerprint };
    // Every start reads the same files again: when the copy already holds them, only its time is
    // renewed (copying some sixty files cost about a third of a second of each start).
    const saved = this.manifest(final);
    if (fingerprint && saved?.fingerprint === fingerprint && saved.root === manifest.root) {
      try {
        writeFileSync(`${temporary}.json`, JSON.stringify(manifest));
        renameSync(`${temporary}.json`, join(final, 'manifest.json'));
        return;
      } catch {
        rmSync(`${temporary}.json`, { force: true });
      }
    }
    try {
      for (const file of files) {
        mkdirSync(dirname(join(temporary, 'files', file)), { recursive: true });
        copyFileSync(join(root, file), join(temporary, 'files', file));
      }
      mkdirSync(temporary, { recursive: true });
      writeFileSync(join(temporary, 'manifest.json'), JSON.stringify(manifest));
      // The old copy goes only once the new one is complete, so a crash mid-save keeps one of them.
      rmSync(`${final}.old`, { recursive: true, force: true });
      try {
        renameSync(final, `${final}.old`);
      } catch {
        // No earlier copy.
      }
      renameSync(temporary, final);
      rmSync(`${final}.old`, { recursive: true, force: true });
    } catch {
      // A copy that cannot be saved costs only the fallback at the next start.
      rmSync(temporary, { recursive: true, force: true });
    }
  }

  /** The saved copy's folder (laid out like the kind's root) and when it was read, if one exists for this root. */
  find(kind: string, root: string): { root: string; loadedAt: string } | undefined {
    if (!this.directory) return undefined;
    for (const candidate of [join(this.directory, kind), join(this.directory, `${kind}.old`)]) {
      const manifest = this.manifest(candidate);
      if (manifest?.root === resolve(root)) return { root: join(candidate, 'files'), loadedAt: manifest.loadedAt };
    }
    return undefined;
  }

  private manifest(copy: string): Manifest | undefined {
    try {
      return JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Manifest;
    } catch {
      return undefined; // No copy here.
    }
  }
}
