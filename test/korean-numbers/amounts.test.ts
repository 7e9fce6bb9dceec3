import { describe, expect, it } from 'vitest';
import { findAmount, parseAmountKrw } from '../../src/korean-numbers/amounts.js';

describe('amounts are understood as written', () => {
  it.each([
    ['2천만원', 20_000_000],
    ['20,000,000', 20_000_000],
    ['2000만', 20_000_000],
    ['0.2억', 20_000_000],
    ['1억 2천만원', 120_000_000],
    ['3,500만 원', 35_000_000],
    ['5백만원', 5_000_000],
    ['KRW 20,000,000', 20_000_000],
    ['1억2천5백만원', 125_000_000],
    ['천만원', 10_000_000],
    ['20 million', 20_000_000],
    ['₩5,000,000', 5_000_000],
  ])('%s → %d', (written, expected) => {
    expect(parseAmountKrw(written)).toBe(expected);
  });

  it('returns undefined for text that is not an amount', () => {
    expect(parseAmountKrw('데이터 가공비')).toBeUndefined();
    expect(parseAmountKrw('')).toBeUndefined();
  });

  it('finds the amount at the end of a budget line and keeps the item name', () => {
    expect(findAmount('CDM 3종 변환비 1천만원')).toEqual({ amountKrw: 10_000_000, rest: 'CDM 3종 변환비' });
    expect(findAmount('Data fees: KRW 15,000,000')).toEqual({ amountKrw: 15_000_000, rest: 'Data fees' });
    expect(findAmount('2천만원 데이터 가공비')).toEqual({ amountKrw: 20_000_000, rest: '데이터 가공비' });
  });
});
