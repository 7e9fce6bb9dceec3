import { describe, expect, it } from 'vitest';
import { scorePersonalDataDetector } from '../../eval/personal-data-score.js';

describe('the personal-data corpus', () => {
  it('is detected with precision and recall of at least 0.95', () => {
    const score = scorePersonalDataDetector();
    expect(score.failures).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });
});
