import { describe, expect, it } from 'vitest';
import { findFounding } from '../../src/company-facts/founding.js';

// Founders say "작년에 법인 만들었어요" more often than they give the year; Q&A knows today's date.
describe('a founding year said relative to today (2026-12-01)', () => {
  it.each([
    ['성수동에 있는데 작년 3월에 법인 만들었고 AI 의료영상 해', 2025],
    ['재작년에 창업했어요', 2024],
    ['올해 설립한 스타트업입니다', 2026],
    ['We were founded last year', 2025],
  ])('"%s" → founded %i', (said, year) => {
    expect(findFounding(said, '2026-12-01')?.fromYear).toBe(year);
  });

  it('a dataset made in a year is no founding', () => {
    expect(findFounding('2021년에 만든 데이터셋을 쓰려고 해요', '2026-12-01')).toBeUndefined();
  });
});

describe('a founding year said as the kind of company', () => {
  it('"we\'re a 2021 medtech startup" is founded in 2021; "a 2024 project" or "a 2020 dataset" is no founding', () => {
    expect(findFounding("we're a 2021 medtech startup in Mapo-gu.", '2026-12-01')?.fromYear).toBe(2021);
    expect(findFounding('our 2019 company', '2026-12-01')?.fromYear).toBe(2019);
    expect(findFounding('a 2024 project', '2026-12-01')).toBeUndefined();
    expect(findFounding('we used a 2020 dataset from a startup', '2026-12-01')).toBeUndefined();
  });
});
