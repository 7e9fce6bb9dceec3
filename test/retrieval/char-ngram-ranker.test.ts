import { describe, expect, it } from 'vitest';
import { CharNgramRanker } from '../../src/retrieval/char-ngram-ranker.js';
import { stemLatinWord, stripKoreanEnding } from '../../src/retrieval/mixed-script-tokens.js';
import { knowledgeChunks } from './knowledge-chunks.js';

describe('CharNgramRanker', () => {
  const ranker = new CharNgramRanker(knowledgeChunks);

  it('finds the Korean chunk for a question whose nouns carry particles', () => {
    const [best] = ranker.rank('가명정보는 동의 없이 처리할 수 있나요?', { k: 3 });
    expect(best?.id).toBe('privacy/pseudonymised-data');
    expect(best?.coverage).toBeGreaterThan(0.5);
  });

  it('tolerates spacing the writer left out or added', () => {
    expect(ranker.rank('가명 정보', { k: 1 })[0]?.id).toBe('privacy/pseudonymised-data');
    expect(ranker.rank('신청마감', { k: 1 })[0]?.id).toBe('program/deadline');
  });

  it('lets a glossary expansion carry an English question to a Korean chunk', () => {
    expect(ranker.rank('Can we use pseudonymized data without consent?', { k: 1 })[0]?.id).not.toBe('privacy/pseudonymised-data');
    const [best] = ranker.rank('Can we use pseudonymized data without consent?', { k: 1, expansions: ['가명정보', '동의'] });
    expect(best?.id).toBe('privacy/pseudonymised-data');
  });

  it('matches English inflections and British spellings', () => {
    expect(stemLatinWord('pseudonymised')).toBe(stemLatinWord('pseudonymized'));
    expect(stemLatinWord('hospitals')).toBe(stemLatinWord('hospital'));
    expect(ranker.rank('review boards in hospitals', { k: 1 })[0]?.id).toBe('hospitals/review-board');
  });

  it('keeps numbers whole, commas or not', () => {
    expect(ranker.rank('50000000', { k: 1 })[0]?.id).toBe('program/funding');
  });

  it('scores between 0 and 1 and returns nothing when no term is shared', () => {
    for (const match of ranker.rank('데이터 심의 위원회 data review board', { k: 10 })) {
      expect(match.score).toBeGreaterThan(0);
      expect(match.score).toBeLessThanOrEqual(1);
      expect(match.coverage).toBeLessThanOrEqual(1);
    }
    expect(ranker.rank('zebra', { k: 5 })).toEqual([]);
  });

  it('applies the filter before cutting to k', () => {
    const matches = ranker.rank('신청', { k: 1, filter: (id) => id.startsWith('eligibility/') });
    expect(matches.map((match) => match.id)).toEqual(['eligibility/startups']);
  });
});

describe('Korean chat phrasing', () => {
  it('drops particles and question endings, never leaving fewer than two syllables', () => {
    expect(stripKoreanEnding('가명정보는')).toBe('가명정보');
    expect(stripKoreanEnding('언제인가요')).toBe('언제');
    expect(stripKoreanEnding('병원에서')).toBe('병원');
    expect(stripKoreanEnding('마을')).toBe('마을');
    expect(stripKoreanEnding('전문가')).toBe('전문가');
  });

  it('so a chatty question still covers most of the matching chunk', () => {
    const [best] = new CharNgramRanker(knowledgeChunks).rank('지원금은 얼마인가요?', { k: 1 });
    expect(best).toMatchObject({ id: 'program/funding', coverage: 1 });
  });
});
