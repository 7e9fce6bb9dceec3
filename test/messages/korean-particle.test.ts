import { describe, expect, it } from 'vitest';
import { withParticle } from '../../src/messages/korean-particle.js';

describe('the particle after a name Itda echoes back', () => {
  it('follows the final syllable: 판교는, 서울은, 담당자가, 인건비를… (no "판교은(는)")', () => {
    expect(withParticle('판교', '은/는')).toBe('판교는');
    expect(withParticle('서울', '은/는')).toBe('서울은');
    expect(withParticle('성동구·분당', '은/는')).toBe('성동구·분당은');
    expect(withParticle('사업 담당자(공고문의 문의처)', '이/가')).toBe('사업 담당자(공고문의 문의처)가');
    expect(withParticle('서울', '으로/로')).toBe('서울로');
  });

  it('reads acronyms and digits aloud (GPU는, HTML은, 2023은), and shows both forms when it cannot tell', () => {
    expect(withParticle('GPU', '은/는')).toBe('GPU는');
    expect(withParticle('AWS', '이/가')).toBe('AWS가');
    expect(withParticle('HTML', '은/는')).toBe('HTML은');
    expect(withParticle('2023', '은/는')).toBe('2023은');
    expect(withParticle('cloud', '은/는')).toBe('cloud은(는)');
  });
});

describe('particles written after a placeholder in a Korean message', () => {
  it('fit the word filled in: "{label}은(는)" gives 주요 사업은 and 소재지는; English is untouched', async () => {
    const { text } = await import('../../src/messages/messages.js');
    expect(text('ko', 'form.requiredCannotSkip', { label: '주요 사업' })).toBe('주요 사업은 필수 항목이라 건너뛸 수 없어요.');
    expect(text('ko', 'form.requiredCannotSkip', { label: '소재지' })).toBe('소재지는 필수 항목이라 건너뛸 수 없어요.');
    expect(text('ko', 'form.writeIt', { label: 'cloud' })).toBe('cloud을(를) 적어 주세요.');
    expect(text('en', 'form.requiredCannotSkip', { label: 'Main business' })).toBe('The Main business is required, so it cannot be skipped.');
  });
});
