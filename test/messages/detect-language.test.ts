import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/messages/detect-language.js';

describe('the language a founder writes in is the language of the grammar, not of the names', () => {
  it('reads an English question that names a Korean hospital or company as English', () => {
    expect(detectLanguage('what data does 서울아산병원 have?')).toBe('en');
    expect(detectLanguage('which one was with 충**병원?')).toBe('en');
    expect(detectLanguage('what about 세브란스?')).toBe('en');
    expect(detectLanguage('can we pay for 전문가 자문 with the grant?')).toBe('en');
  });

  it('reads a Korean question full of English terms as Korean', () => {
    expect(detectLanguage('DRB 심의는 얼마나 걸려요?')).toBe('ko');
    expect(detectLanguage('Baseline DB는 몇 명 규모야?')).toBe('ko');
    expect(detectLanguage('우리 AI startup인데 medical imaging data 쓰고 싶어요')).toBe('ko');
    expect(detectLanguage('AI for 의료영상 startup 지원 돼?')).toBe('ko');
  });

  it('keeps the fallback for a message with no letters', () => {
    expect(detectLanguage('👍 2025', 'en')).toBe('en');
  });
});
