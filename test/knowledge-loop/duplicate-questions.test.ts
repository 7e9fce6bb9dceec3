import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SimilarQuestionFinder } from '../../src/knowledge-loop/similar-question.js';
import { LocalHashingEmbeddings } from '../../src/retrieval/local-hashing-embeddings.js';

interface Pair {
  a: string;
  b: string;
  same: boolean;
}

const pairs = parse(readFileSync('eval/ticket-duplicates.yaml', 'utf8')) as { dev: Pair[]; test: Pair[] };
const finder = new SimilarQuestionFinder(new LocalHashingEmbeddings());

async function measure(split: Pair[]) {
  let joined = 0;
  let rightJoins = 0;
  for (const pair of split) {
    const match = await finder.nearest(pair.b, [{ id: 'open', texts: [pair.a] }]);
    if (!match) continue;
    joined += 1;
    if (pair.same) rightJoins += 1;
  }
  const same = split.filter((pair) => pair.same).length;
  return { pairs: split.length, joined, precision: joined ? rightJoins / joined : 1, recall: rightJoins / same };
}

/** Whether a second founder's question joins the open ticket: labelled pairs, dev (tuned on) and test (not). */
describe('joining the same question to an open ticket', () => {
  it('never joins different questions on the dev pairs it was tuned on', async () => {
    const dev = await measure(pairs.dev);
    process.stdout.write(`ticket duplicates dev: ${JSON.stringify(dev)}\n`);
    expect(dev.precision).toBe(1);
    expect(dev.recall).toBeGreaterThanOrEqual(0.6);
  });

  it('reports the held-out test pairs (never tuned on)', async () => {
    const test = await measure(pairs.test);
    process.stdout.write(`ticket duplicates test: ${JSON.stringify(test)}\n`);
    expect(test.pairs).toBe(10);
  });
});
