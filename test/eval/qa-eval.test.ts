import { describe, expect, it } from 'vitest';
import { evalFile, loadEvalQuestions, scoreQuestionAnswering } from '../../eval/qa-score.js';

// Issue 9's target: 0.90 answer-fact accuracy on the test set (written before tuning, never
// tuned on), the same threshold `npm run eval` judges against. The test set's misses are
// deliberately not printed, so nobody tunes on them.
const TEST_FLOOR = 0.9;

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
    expect(score.total).toBeGreaterThanOrEqual(300);
    expect(score.factAccuracy, score.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(score.recallAt5, score.failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  }, 180_000);
});

describe('the question set as a whole', () => {
  it('has at least 300 questions and 40 dialogues across dev and test', () => {
    const all = [...loadEvalQuestions(evalFile('dev')), ...loadEvalQuestions(evalFile('test'))];
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(all.filter((item) => item.turns).length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((item) => item.id)).size, 'ids are unique across the two files').toBe(all.length);
  });
});
