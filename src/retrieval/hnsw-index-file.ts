import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';
import { writeFileAtomically } from './atomic-file.js';
import { HNSW_SETTINGS, HnswVectorIndex } from './hnsw-vector-index.js';

/**
 * The saved HNSW graph, reused only when the document set is exactly the one it was built from
 * (same texts in the same order, same embedder), so a warm start of 30,000 documents skips the
 * graph build. The manifest is written last and carries the index file's hash, so a torn write
 * or a foreign file is detected before hnswlib reads it.
 */
interface HnswManifest {
  embedderId: string;
  dimension: number;
  count: number;
  documentsDigest: string;
  settings: typeof HNSW_SETTINGS;
  indexSha256: string;
}

export interface SavedIndexIdentity {
  embedderId: string;
  dimension: number | undefined;
  documentsDigest: string;
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
  ids: string[],
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
  if (
    manifest.embedderId !== identity.embedderId ||
    manifest.documentsDigest !== identity.documentsDigest ||
    manifest.count !== ids.length ||
    JSON.stringify(manifest.settings) !== JSON.stringify(HNSW_SETTINGS)
  ) {
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
    if (index.getCurrentCount() !== ids.length) return { status: 'unusable', reason: `${indexPath} holds ${index.getCurrentCount()} vectors, expected ${ids.length}` };
    return { status: 'loaded', index: HnswVectorIndex.fromLoadedIndex(index, ids, embeddings) };
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
      count: index.size,
      documentsDigest: identity.documentsDigest,
      settings: HNSW_SETTINGS,
      indexSha256,
    };
    await writeFileAtomically(join(directory, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  } finally {
    await rm(temporary, { force: true });
  }
}
