import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RouteClassifier, type SavedRouteClassifier } from './route-classifier.js';
import type { LabelledExample } from './routing-examples.js';

/**
 * The trained route classifier kept under the index directory, keyed by a hash of the examples
 * and of the code that trains it. Training takes about a second of CPU at every start (half of a
 * CLI `ask`); reading the saved model a few milliseconds. Training is deterministic, so a saved
 * model is exactly the one training would give: an edit to routing-examples.yaml, to the
 * features or to the training changes the key, and a missing or unreadable file only costs the
 * training. One model per folder; a new one replaces the old.
 */
export function trainedClassifier(examples: LabelledExample[], cacheDir: string | undefined): RouteClassifier {
  const key = cacheDir ? modelKey(examples) : undefined;
  if (!cacheDir || !key) return RouteClassifier.train(examples);
  const folder = join(cacheDir, 'routing-classifier');
  const file = join(folder, `${key}.json`);
  const saved = readSaved(file);
  if (saved) return saved;
  const classifier = RouteClassifier.train(examples);
  writeSaved(folder, file, classifier.toSaved());
  return classifier;
}

/** This module's siblings that define the model, in the form that is running (.ts under tsx, .js in dist/). */
const MODEL_CODE = ['route-classifier', 'routing-features', 'routing-examples'];

function modelKey(examples: LabelledExample[]): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const hash = createHash('sha256').update(JSON.stringify(examples));
  try {
    for (const name of MODEL_CODE) hash.update(readFileSync(join(dirname(here), `${name}${extname(here)}`)));
  } catch {
    // Code that cannot be read (a bundle) cannot be fingerprinted: train instead of trusting a file.
    return undefined;
  }
  return hash.digest('base64url');
}

interface SavedFile {
  routes: string[];
  vocabulary: string[];
  idf: string;
  weights: string[];
  bias: string;
}

function readSaved(file: string): RouteClassifier | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedFile;
    return RouteClassifier.fromSaved({
      routes: saved.routes,
      vocabulary: saved.vocabulary,
      idf: floats(saved.idf),
      weights: saved.weights.map(floats),
      bias: floats(saved.bias),
    });
  } catch {
    return undefined;
  }
}

function writeSaved(folder: string, file: string, model: SavedRouteClassifier): void {
  const text = JSON.stringify({
    routes: model.routes,
    vocabulary: model.vocabulary,
    idf: base64(model.idf),
    weights: model.weights.map(base64),
    bias: base64(model.bias),
  } satisfies SavedFile);
  try {
    mkdirSync(folder, { recursive: true });
    for (const old of readdirSync(folder)) if (join(folder, old) !== file) rmSync(join(folder, old), { force: true });
    // Written aside and renamed: a process reading at the same time sees the whole file or none.
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written only costs the training next time.
  }
}

/** Doubles as their exact bytes: the saved model gives the very probabilities training gave. */
function base64(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
}

function floats(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % Float64Array.BYTES_PER_ELEMENT !== 0) throw new Error('not a list of doubles');
  // Copied into a buffer of its own: Buffer.from may return a slice of a shared, unaligned pool.
  const aligned = new Uint8Array(bytes.byteLength);
  aligned.set(bytes);
  return new Float64Array(aligned.buffer);
}
