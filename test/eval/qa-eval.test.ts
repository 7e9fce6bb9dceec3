import { describe, expect, it } from 'vitest';
import { scoreQuestionAnswering } from '../../eval/qa-score.js';

// Issue 9's target is 0.90 answer-fact accuracy on the test set (written before tuning, never
// tuned on); measured 0.894 when this was written, so `npm run eval` still reports FAIL against
// 0.90. This floor guards against regressions without tuning on the test set to reach the target.
// The test set's misses are deliberately not printed.
const TEST_FLOOR = 0.88;

describe('question answering on eval/qa-test.yaml (offline, never tuned on)', () => {
  it('states the expected facts for most test questions, and refuses what it must', async () => {
    const score = await scoreQuestionAnswering({ split: 'test' });
    expect(score.total).toBeGreaterThanOrEqual(150);
    expect(score.dialogues).toBeGreaterThanOrEqual(20);
    expect(score.factAccuracy, `test answer-fact accuracy ${score.factAccuracy.toFixed(3)}`).toBeGreaterThanOrEqual(TEST_FLOOR);
    expect(score.recallAt5).toBeGreaterThanOrEqual(0.95);
  }, 180_000);
});

describe('question answering on eval/qa-dev.yaml (offline, tuned on)', () => {
  it('states the expected facts for ≥ 95% of the dev questions', async () => {
    const score = await scoreQuestionAnswering({ split: 'dev' });
    expect(score.total).toBeGreaterThanOrEqual(150);
    expect(score.factAccuracy, score.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(score.recallAt5, score.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  }, 180_000);
});
