import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { writeFileAtomically } from './atomic-file.js';
import { HNSW_SETTINGS, HnswVectorIndex } from './hnsw-vector-index.js';
import { VectorSketch } from './vector-sketch.js';

/**
 * The saved HNSW graph and the text key of each of its labels, so a warm start skips the graph
 * build and an edited set only patches it. The graph file is the only copy of the float vectors
 * on disk: a rebuild reads the vectors it keeps back out of it. The manifest is written last
 * and carries the index file's hash, so a torn write or a foreign file is detected before
 * hnswlib reads it. Beside them the vector sketch (a quarter of the vectors' size) is saved
 * with the hash of the graph it came from, so a reload reads it instead of deriving it from
 * every vector again (that was 200 ms of a 10k-team reload); a graph saved before the sketch
 * file existed is scanned once and the sketch written then.
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
  /** The embedder's dimension when it declares one, so a saved graph of another size is reported. */
  dimension: number | undefined;
}

export type SavedIndexRead =
  | { status: 'loaded'; index: HnswVectorIndex; file: string }
  | { status: 'absent' | 'stale' }
  | { status: 'unusable'; reason: string };

const INDEX_FILE = 'hnswlib.index';
const MANIFEST_FILE = 'manifest.json';
const SKETCH_FILE = 'vector-sketch.bin';
/** "ITDASKT1" | uint32 dimension | uint32 count | the graph file's sha256 (64 hex) | float32 scales | int8 rows. */
const SKETCH_MAGIC = 'ITDASKT1';
const SKETCH_HEADER_BYTES = 80;
/** hnswlib's saveIndex header: 11 size_t/int fields and one double (hnswalg.h). */
const HEADER_BYTES = 96;
/** 1 MB: the read buffer is part of a reload's peak memory. */
const CHUNK_BYTES = 1 << 20;

export async function loadSavedIndex(directory: string, identity: SavedIndexIdentity): Promise<SavedIndexRead> {
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
    const labelCount = manifest.labelKeys.length;
    const savedSketch = await readSketch(join(directory, SKETCH_FILE), manifest);
    const sketch = savedSketch ?? new VectorSketch(manifest.dimension, labelCount);
    const scan = await scanIndexFile(
      indexPath,
      savedSketch
        ? undefined
        : (label, vector) => {
            if (label < labelCount && vector.length === manifest.dimension) sketch.set(label, vector);
          },
    ).catch(() => undefined);
    if (scan?.sha256 !== manifest.indexSha256) {
      return { status: 'unusable', reason: `${indexPath} does not match its manifest (torn write or edited file)` };
    }
    if (scan.dimension !== manifest.dimension) return { status: 'unusable', reason: `${indexPath} holds ${scan.dimension}-dimension points, its manifest says ${manifest.dimension}` };
    const index = new hnswlib.HierarchicalNSW(HNSW_SETTINGS.space, manifest.dimension);
    await index.readIndex(indexPath);
    const expected = manifest.labelKeys.length;
    if (index.getCurrentCount() !== expected) return { status: 'unusable', reason: `${indexPath} holds ${index.getCurrentCount()} points, its manifest ${expected}` };
    // Best effort: without the file the next reload derives the sketch again, as this one did.
    if (!savedSketch) await writeSketch(join(directory, SKETCH_FILE), manifest.indexSha256, sketch, labelCount).catch(() => undefined);
    return { status: 'loaded', index: HnswVectorIndex.fromLoadedIndex(index, manifest.labelKeys, sketch), file: indexPath };
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
    const { sha256: indexSha256 } = await scanIndexFile(temporary);
    await rename(temporary, indexPath);
    await writeSketch(join(directory, SKETCH_FILE), indexSha256, index.sketch, index.labels.length);
    const manifest: HnswManifest = {
      embedderId: identity.embedderId,
      dimension: index.dimension,
      settings: HNSW_SETTINGS,
      indexSha256,
      labelKeys: index.labels.slice(),
    };
    await writeFileAtomically(join(directory, MANIFEST_FILE), JSON.stringify(manifest));
  } finally {
    await rm(temporary, { force: true });
  }
}

async function writeSketch(file: string, indexSha256: string, sketch: VectorSketch, count: number): Promise<void> {
  const header = Buffer.alloc(SKETCH_HEADER_BYTES);
  header.write(SKETCH_MAGIC, 0, 'latin1');
  header.writeUInt32LE(sketch.dimension, 8);
  header.writeUInt32LE(count, 12);
  header.write(indexSha256, 16, 'latin1');
  await writeFileAtomically(file, Buffer.concat([header, ...sketch.toBytes(count)]));
}

/** The saved sketch when it was made from the graph the manifest names and has every row; otherwise undefined. */
async function readSketch(file: string, manifest: HnswManifest): Promise<VectorSketch | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const header = Buffer.alloc(SKETCH_HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, SKETCH_HEADER_BYTES, 0);
    if (bytesRead < SKETCH_HEADER_BYTES || header.toString('latin1', 0, 8) !== SKETCH_MAGIC) return undefined;
    const dimension = header.readUInt32LE(8);
    const count = header.readUInt32LE(12);
    if (dimension !== manifest.dimension || count !== manifest.labelKeys.length || header.toString('latin1', 16, 80) !== manifest.indexSha256) return undefined;
    if ((await handle.stat()).size !== SKETCH_HEADER_BYTES + count * (4 + dimension)) return undefined;
    // Read straight into the sketch's own storage (WebAssembly memory where SIMD runs): no second copy, even for a moment.
    const sketch = new VectorSketch(dimension, count);
    let position = SKETCH_HEADER_BYTES;
    for (const target of sketch.toBytes(count)) {
      for (let done = 0; done < target.length; ) {
        const { bytesRead: read } = await handle.read(target, done, Math.min(target.length - done, 1 << 24), position + done);
        if (read === 0) return undefined;
        done += read;
      }
      position += target.length;
    }
    return sketch;
  } finally {
    await handle.close();
  }
}

/**
 * Streams an hnswlib index file in 1 MB chunks: its sha256 and, for each point, its label and
 * (unit, float32) vector. The vector view is only valid during the callback.
 */
export async function scanIndexFile(
  file: string,
  onVector?: (label: number, vector: Float32Array) => void | Promise<void>,
): Promise<{ sha256: string; dimension: number; count: number }> {
  const handle = await open(file, 'r');
  try {
    const hash = createHash('sha256');
    const header = new Uint8Array(HEADER_BYTES);
    const headerRead = (await handle.read(header, 0, HEADER_BYTES, 0)).bytesRead;
    if (headerRead < HEADER_BYTES) throw new Error('shorter than an hnswlib header');
    hash.update(header);
    const view = new DataView(header.buffer);
    const field = (offset: number) => Number(view.getBigUint64(offset, true));
    const count = field(16);
    const recordBytes = field(24);
    const labelOffset = field(32);
    const dataOffset = field(40);
    const dimension = (labelOffset - dataOffset) / 4;
    if (!Number.isInteger(dimension) || dimension <= 0 || recordBytes <= 0 || recordBytes > 1 << 24) throw new Error('not an hnswlib index');
    const recordsPerChunk = Math.max(1, Math.floor(CHUNK_BYTES / recordBytes));
    const buffer = new Uint8Array(new ArrayBuffer(recordsPerChunk * recordBytes));
    const records = new DataView(buffer.buffer);
    let position = HEADER_BYTES;
    for (let first = 0; first < count; first += recordsPerChunk) {
      const length = Math.min(recordsPerChunk, count - first) * recordBytes;
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead < length) throw new Error('truncated');
      hash.update(buffer.subarray(0, length));
      position += length;
      if (!onVector) continue;
      for (let offset = 0; offset < length; offset += recordBytes) {
        const label = Number(records.getBigUint64(offset + labelOffset, true));
        const pending = onVector(label, new Float32Array(buffer.buffer, offset + dataOffset, dimension));
        if (pending) await pending;
      }
    }
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    return { sha256: hash.digest('hex'), dimension, count };
  } finally {
    await handle.close();
  }
}
