import { describe, expect, it } from 'vitest';
import { CharNgramRanker } from '../../src/retrieval/char-ngram-ranker.js';
import { PrunedLexicalScorer } from '../../src/retrieval/pruned-lexical-scores.js';
import type { RetrievableDocument } from '../../src/retrieval/retrievable-document.js';
import { seededRandom } from '../../src/retrieval/synthetic-documents.js';

// Asset-like texts sharing many n-grams ("환자", "데이터"), so the pruning has work to skip.
const WORDS = ['뇌졸중', '폐암', '유방암', '당뇨병', '고혈압', '치매', 'CT', 'MRI', 'ECG', '영상', '진료기록', '레지스트리', '성인', '소아', '응급실', '입원', 'stroke', 'cancer', 'diabetes'];
const random = seededRandom(13);
const documents: RetrievableDocument[] = Array.from({ length: 3_000 }, (_, position) => ({
  id: `asset-${position}`,
  text: `${Array.from({ length: 3 + Math.floor(random() * 6) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')} 환자의 데이터`,
  metadata: {},
}));
const needs: [string, string[]][] = [
  ['뇌졸중 환자의 MRI 영상 데이터', ['stroke']],
  ['응급실에 온 성인 당뇨병 환자 진료기록', ['diabetes']],
  ['breast cancer mammography', ['유방암']],
  ['데이터', []],
];

describe('PrunedLexicalScorer', () => {
  const ranker = new CharNgramRanker(documents);
  const pruned = new PrunedLexicalScorer(ranker.ranges);
  const everyThird = Uint8Array.from(documents, (_, position) => (position % 3 === 0 ? 1 : 0));

  for (const [need, expansions] of needs) {
    it(`finds the same top 40 with the same scores as the full walk for "${need}", with and without a filter`, () => {
      for (const mask of [undefined, everyThird]) {
        const accept = mask && ((position: number) => mask[position] === 1);
        const full = ranker.scoreQuery(need, expansions);
        const expected = full.top(40, accept).map((position) => [position, full.scoreOf(position), full.coverageOf(position)]);
        const scores = pruned.scoreQuery(need, expansions, 40, mask);
        const found = scores.top(40, accept);
        expect(found).toEqual(expected.map(([position]) => position));
        for (const [position, score, coverage] of expected) {
          expect(scores.scoreOf(position!)).toBeCloseTo(score!, 12);
          expect(scores.coverageOf(position!)).toBeCloseTo(coverage!, 12);
        }
      }
    });
  }

  it('gives the exact score of a document it skipped, as the hybrid search asks for its vector candidates', () => {
    const [need, expansions] = needs[0]!;
    const full = ranker.scoreQuery(need, expansions);
    const scores = pruned.scoreQuery(need, expansions, 5);
    for (const position of [1, 2, 500, 1_234, 2_999]) expect(scores.scoreOf(position)).toBeCloseTo(full.scoreOf(position), 12);
  });
});
