import { describe, expect, it } from 'vitest';
import { fuseScores } from '../../src/retrieval/score-fusion.js';

/** Candidates as a query's two rankers hand them over: ties on purpose, so the id order is tested too. */
function candidates(count: number): { id: string; vectorScore: number; lexicalScore: number; text: string }[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `doc-${String((index * 37) % count).padStart(3, '0')}`,
    vectorScore: 0.2 + ((index * 13) % 7) / 10,
    lexicalScore: ((index * 5) % 4) / 3,
    text: `text ${index}`,
  }));
}

describe('score fusion', () => {
  it('rescales each signal over the candidates and sums them, best first, ties to the smaller id', () => {
    const fused = fuseScores([
      { id: 'b', vectorScore: 0.9, lexicalScore: 0 },
      { id: 'a', vectorScore: 0.5, lexicalScore: 1 },
      { id: 'c', vectorScore: 0.1, lexicalScore: 1 },
      { id: 'd', vectorScore: 0.9, lexicalScore: 0 },
    ]);
    expect(fused.map(({ id, score }) => [id, score])).toEqual([
      ['a', 0.75],
      ['b', 0.5],
      ['c', 0.5],
      ['d', 0.5],
    ]);
  });

  it('keeps only the best `limit`, the same candidates in the same order as the whole list cut there', () => {
    const all = candidates(150);
    const whole = fuseScores(all);
    for (const limit of [1, 24, 96, 150, 200]) expect(fuseScores(all, limit)).toEqual(whole.slice(0, limit));
    expect(whole[0]).toMatchObject({ text: expect.any(String), score: expect.any(Number) });
  });
});
