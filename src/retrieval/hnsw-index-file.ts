import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';
import { writeFileAtomically } from './atomic-file.js';
import { HNSW_SETTINGS, HnswVectorIndex } from './hnsw-vector-index.js';

/**
 * The saved HNSW graph and the text key of each of its labels, so a warm start of 30,000
 * documents skips the graph build and an edited set only patches it. The manifest is written
 * last and carries the index file's hash, so a torn write or a foreign file is detected before
 * hnswlib reads it.
 */
interface HnswManifest {
  embedderId: string;
  dimension: number;
  settings: typeof HNSW_SETTINGS;
  indexSha256: string;
  labelKeys: (string | null)[];
}

export interface SavedIndexIdentity {
  embedderId: string;
  /** Undefined when nothing is embedded yet, so there is nothing to compare against. */
  dimension: number | undefined;
}

export type SavedIndexRead =
  | { status: 'loaded'; index: HnswVectorIndex }
  | { status: 'absent' | 'stale' }
  | { status: 'unusable'; reason: string };

const INDEX_FILE = 'hnswlib.index';
const MANIFEST_FILE = 'manifest.json';

export async function loadSavedIndex(
  directory: string,
  identity: SavedIndexIdentity,
  embeddings: EmbeddingsInterface,
): Promise<SavedIndexRead> {
  let manifest: HnswManifest;
  try {
    manifest = JSON.parse(await readFile(join(directory, MANIFEST_FILE), 'utf8')) as HnswManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'absent' };
    return { status: 'unusable', reason: `manifest unreadable (${(error as Error).message})` };
  }
  if (identity.dimension !== undefined && manifest.dimension !== identity.dimension) {
    return {
      status: 'unusable',
      reason: `HNSW index in ${directory} has dimension ${manifest.dimension}, but embedder ${identity.embedderId} produces ${identity.dimension}`,
    };
  }
  if (manifest.embedderId !== identity.embedderId || JSON.stringify(manifest.settings) !== JSON.stringify(HNSW_SETTINGS)) {
    return { status: 'stale' };
  }
  const indexPath = join(directory, INDEX_FILE);
  try {
    const bytes = await readFile(indexPath);
    if (createHash('sha256').update(bytes).digest('hex') !== manifest.indexSha256) {
      return { status: 'unusable', reason: `${indexPath} does not match its manifest (torn write or edited file)` };
    }
    const index = new hnswlib.HierarchicalNSW(HNSW_SETTINGS.space, manifest.dimension);
    await index.readIndex(indexPath);
    const expected = manifest.labelKeys.length;
    if (index.getCurrentCount() !== expected) return { status: 'unusable', reason: `${indexPath} holds ${index.getCurrentCount()} points, its manifest ${expected}` };
    return { status: 'loaded', index: HnswVectorIndex.fromLoadedIndex(index, manifest.labelKeys, embeddings) };
  } catch (error) {
    return { status: 'unusable', reason: `${indexPath} unreadable (${(error as Error).message})` };
  }
}

export async function saveIndex(directory: string, identity: SavedIndexIdentity, index: HnswVectorIndex): Promise<void> {
  await mkdir(directory, { recursive: true });
  const indexPath = join(directory, INDEX_FILE);
  const temporary = `${indexPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    // The manifest goes first out of date, so a crash between the two writes leaves a mismatch, not a lie.
    await rm(join(directory, MANIFEST_FILE), { force: true });
    await index.nativeIndex.writeIndex(temporary);
    const indexSha256 = createHash('sha256').update(await readFile(temporary)).digest('hex');
    await rename(temporary, indexPath);
    const manifest: HnswManifest = {
      embedderId: identity.embedderId,
      dimension: index.dimension,
      settings: HNSW_SETTINGS,
      indexSha256,
      labelKeys: [...index.labels],
    };
    await writeFileAtomically(join(directory, MANIFEST_FILE), JSON.stringify(manifest));
  } finally {
    await rm(temporary, { force: true });
  }
}
