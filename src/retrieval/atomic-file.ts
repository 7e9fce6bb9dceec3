import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Readers see the old file or the new one, never half of one: write aside, then rename over. */
export async function writeFileAtomically(file: string, content: Uint8Array | string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A file name fragment for an embedder id such as "openai:text-embedding-3-small". */
export function fileNameFor(embedderId: string): string {
  return embedderId.replace(/[^A-Za-z0-9._-]/g, '_');
}
