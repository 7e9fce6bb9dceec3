import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-file.js';
import { CharNgramRanker, LEXICAL_FEATURES_VERSION, type LexicalPostings } from './char-ngram-ranker.js';
import type { RetrievableDocument } from './retrievable-document.js';

/**
 * The lexical postings saved beside the HNSW graph, keyed by a hash of every document's text
 * hash in order, so a restart with unchanged documents tokenises nothing:
 *   "ITDALEX1" | uint32 header length | header JSON {contentHash, documents, terms} | padding |
 *   float64 length norms | uint32 posting lengths | int32 positions | float32 frequencies
 * Any change to the documents rebuilds the postings (tokenising is linear; the graph is the
 * part worth patching).
 */
const MAGIC = 'ITDALEX1';
const FILE = 'lexical-postings.bin';

export async function loadOrBuildLexicalIndex(
  documents: RetrievableDocument[],
  keys: string[],
  directory: string | undefined,
  warnings: string[],
): Promise<{ ranker: CharNgramRanker; outcome: 'loaded' | 'built' }> {
  if (!directory) return { ranker: new CharNgramRanker(documents), outcome: 'built' };
  const hash = createHash('sha256').update(`lexical-v${LEXICAL_FEATURES_VERSION}\n`);
  documents.forEach((document, position) => hash.update(`${document.id}\u0000${keys[position]}\n`));
  const contentHash = hash.digest('base64url');
  const file = join(directory, FILE);
  const saved = await readPostings(file, contentHash, documents.length).catch((error: Error) => {
    warnings.push(`lexical postings ${file} ignored (${error.message}); rebuilding them`);
    return undefined;
  });
  if (saved) return { ranker: new CharNgramRanker(documents, saved), outcome: 'loaded' };
  const ranker = new CharNgramRanker(documents);
  await writePostings(file, contentHash, ranker.toPostings());
  return { ranker, outcome: 'built' };
}

async function readPostings(file: string, contentHash: string, documentCount: number): Promise<LexicalPostings | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a postings file');
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerStart = MAGIC.length + 4;
  const header = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength)) as { contentHash: string; documents: number; terms: string[]; total: number };
  if (header.contentHash !== contentHash || header.documents !== documentCount) return undefined;
  const dataStart = alignTo8(headerStart + headerLength);
  const expected = dataStart + documentCount * 8 + header.terms.length * 4 + header.total * 8;
  if (bytes.length !== expected) throw new Error(`truncated (${bytes.length} bytes, expected ${expected})`);
  // The typed arrays are views into the bytes read; only a buffer not 8-byte aligned (a small
  // file from Node's pool) is copied first.
  let data = bytes.buffer as ArrayBuffer;
  let offset = bytes.byteOffset + dataStart;
  if (offset % 8 !== 0) {
    data = new ArrayBuffer(bytes.length - dataStart);
    new Uint8Array(data).set(bytes.subarray(dataStart));
    offset = 0;
  }
  const take = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, length: number, width: number): T => {
    const view = make(data, offset, length);
    offset += length * width;
    return view;
  };
  const lengthNorms = take((buffer, at, length) => new Float64Array(buffer, at, length), documentCount, 8);
  const postingLengths = take((buffer, at, length) => new Uint32Array(buffer, at, length), header.terms.length, 4);
  const positions = take((buffer, at, length) => new Int32Array(buffer, at, length), header.total, 4);
  const frequencies = take((buffer, at, length) => new Float32Array(buffer, at, length), header.total, 4);
  return { terms: header.terms, postingLengths, positions, frequencies, lengthNorms };
}

async function writePostings(file: string, contentHash: string, postings: LexicalPostings): Promise<void> {
  const { terms, postingLengths, positions, frequencies, lengthNorms } = postings;
  const header = Buffer.from(JSON.stringify({ contentHash, documents: lengthNorms.length, terms, total: positions.length }), 'utf8');
  const dataStart = alignTo8(MAGIC.length + 4 + header.length);
  const bytes = Buffer.alloc(dataStart + lengthNorms.length * 8 + terms.length * 4 + positions.length * 8);
  bytes.write(MAGIC, 0, 'latin1');
  bytes.writeUInt32LE(header.length, MAGIC.length);
  header.copy(bytes, MAGIC.length + 4);
  let offset = dataStart;
  for (const array of [lengthNorms, postingLengths, positions, frequencies]) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += array.byteLength;
  }
  await writeFileAtomically(file, bytes);
}

function alignTo8(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}
