import { describe, expect, it } from 'vitest';
import { scoreMatching } from '../../eval/match-score.js';

describe('team matching on eval/match-cases.yaml (offline, shipped catalog)', () => {
  it('puts an acceptable team in the top three for at least 95% of the needs', async () => {
    const score = await scoreMatching();
    expect(score.total).toBeGreaterThanOrEqual(36);
    expect(score.top3, score.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
