import { describe, expect, it } from 'vitest';
import { scoreQuestionAnswering } from '../../eval/qa-score.js';

// The gate issue 9 sets: answer-fact accuracy on the test set (written before tuning, never tuned
// on) at least 0.90, offline. The test set's misses are deliberately not printed.
describe('question answering on eval/qa-test.yaml (offline, never tuned on)', () => {
  it('states the expected facts for ≥ 90% of the test questions, and refuses what it must', async () => {
    const score = await scoreQuestionAnswering({ split: 'test' });
    expect(score.total).toBeGreaterThanOrEqual(150);
    expect(score.dialogues).toBeGreaterThanOrEqual(20);
    expect(score.factAccuracy, `test answer-fact accuracy ${score.factAccuracy.toFixed(3)}`).toBeGreaterThanOrEqual(0.9);
    expect(score.recallAt5).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});

describe('question answering on eval/qa-dev.yaml (offline, tuned on)', () => {
  it('states the expected facts for ≥ 95% of the dev questions', async () => {
    const score = await scoreQuestionAnswering({ split: 'dev' });
    expect(score.total).toBeGreaterThanOrEqual(150);
    expect(score.factAccuracy, score.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(score.recallAt5, score.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
