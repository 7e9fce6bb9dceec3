import { describe, expect, it } from 'vitest';
import { parseNativeCount } from '../../src/korean-numbers/native-counts.js';

describe('head counts written in native Korean words', () => {
  it('reads tens, units and the approximate pairs (as their upper number)', () => {
    expect(parseNativeCount('열댓')).toBe(15);
    expect(parseNativeCount('스물다섯')).toBe(25);
    expect(parseNativeCount('열두')).toBe(12);
    expect(parseNativeCount('서너')).toBe(4);
    expect(parseNativeCount('한 열댓')).toBe(15);
    expect(parseNativeCount('한')).toBe(1);
  });

  it('leaves other words alone', () => {
    expect(parseNativeCount('')).toBeUndefined();
    expect(parseNativeCount('많이')).toBeUndefined();
    expect(parseNativeCount('열정')).toBeUndefined();
  });
});
