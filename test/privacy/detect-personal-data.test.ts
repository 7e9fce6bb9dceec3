import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../src/privacy/detect-personal-data.js';

describe('detectPersonalData', () => {
  it('returns sorted, non-overlapping findings with offsets into the original text', () => {
    const text = '환자번호 900101-1234568, 메일 a.b@c.kr';
    expect(detectPersonalData(text)).toEqual([
      { kind: 'resident_registration_number', start: 5, end: 19 },
      { kind: 'email', start: 24, end: 32 },
    ]);
  });

  it('keeps offsets right when the digits are full-width', () => {
    const text = '번호 ０１０－１２３４－５６７８ 끝';
    const [finding] = detectPersonalData(text);
    expect(text.slice(finding?.start, finding?.end)).toBe('０１０－１２３４－５６７８');
  });
});
