import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from './atomic-file.js';

/**
 * Vectors already paid for, keyed by sha256 of the text, one file per embedder:
 *   "ITDAVEC1" | uint32 header length | header JSON {embedderId, dimension, keys} | padding | float32 rows
 * One file so a single rename replaces it atomically; a torn or foreign file is reported, not trusted.
 */
const MAGIC = 'ITDAVEC1';

export interface EmbeddingCacheContents {
  dimension: number;
  vectors: Map<string, Float32Array>;
}

export type EmbeddingCacheRead =
  | { status: 'loaded'; contents: EmbeddingCacheContents }
  | { status: 'absent' }
  | { status: 'unusable'; reason: string };

export async function readEmbeddingCache(file: string, embedderId: string): Promise<EmbeddingCacheRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { status: 'absent' };
  }
  try {
    if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return { status: 'unusable', reason: 'not an embedding cache file' };
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    const headerStart = MAGIC.length + 4;
    const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as { embedderId: string; dimension: number; keys: string[] };
    if (header.embedderId !== embedderId) return { status: 'unusable', reason: `written by embedder ${header.embedderId}, not ${embedderId}` };
    const dataStart = alignTo4(headerStart + headerLength);
    const expectedBytes = dataStart + header.keys.length * header.dimension * 4;
    if (bytes.length !== expectedBytes) return { status: 'unusable', reason: `truncated (${bytes.length} bytes, expected ${expectedBytes})` };
    const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset + dataStart, bytes.byteOffset + bytes.length));
    const vectors = new Map<string, Float32Array>();
    header.keys.forEach((key, row) => vectors.set(key, floats.subarray(row * header.dimension, (row + 1) * header.dimension)));
    return { status: 'loaded', contents: { dimension: header.dimension, vectors } };
  } catch (error) {
    return { status: 'unusable', reason: `unreadable (${(error as Error).message})` };
  }
}

export async function writeEmbeddingCache(file: string, embedderId: string, contents: EmbeddingCacheContents): Promise<void> {
  const keys = [...contents.vectors.keys()];
  const header = Buffer.from(JSON.stringify({ embedderId, dimension: contents.dimension, keys }), 'utf8');
  const dataStart = alignTo4(MAGIC.length + 4 + header.length);
  const bytes = Buffer.alloc(dataStart + keys.length * contents.dimension * 4);
  bytes.write(MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(header.length, MAGIC.length);
  header.copy(bytes, MAGIC.length + 4);
  const floats = new Float32Array(bytes.buffer, bytes.byteOffset + dataStart, keys.length * contents.dimension);
  keys.forEach((key, row) => floats.set(contents.vectors.get(key)!, row * contents.dimension));
  await writeFileAtomically(file, bytes);
}

function alignTo4(offset: number): number {
  return Math.ceil(offset / 4) * 4;
}
