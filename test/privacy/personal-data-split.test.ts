import { describe, expect, it } from 'vitest';
import { scorePersonalDataSplit } from '../../eval/personal-data-split-score.js';

describe('the outside-style personal-data corpus (public validators\' vectors in sentences)', () => {
  it('test part: recall at least 0.97, at most 3% of look-alikes changed, no fragments left', () => {
    const score = scorePersonalDataSplit('test');
    expect(score.recall, score.failures.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(score.lookalikesChanged, score.failures.join('\n')).toBeLessThanOrEqual(0.03);
    expect(score.fragments).toBe(0);
    expect(score.lookalikes).toBeGreaterThanOrEqual(40);
  });

  it('dev part meets the same bar', () => {
    const score = scorePersonalDataSplit('dev');
    expect(score.recall, score.failures.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(score.lookalikesChanged, score.failures.join('\n')).toBeLessThanOrEqual(0.03);
    expect(score.fragments).toBe(0);
  });

  it('covers every kind the detector knows in both parts', () => {
    for (const part of ['dev', 'test'] as const) {
      expect(Object.keys(scorePersonalDataSplit(part).byKind).sort()).toEqual([
        'card_number', 'email', 'foreigner_registration_number', 'passport_number', 'patient_record_number', 'phone_number', 'resident_registration_number',
      ]);
    }
  });
});
