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

  // The phone and record-number detectors are skipped for text that cannot hold their shapes
  // (too few digits in one run, no record label): an answer full of dates and amounts still has its numbers found.
  it('finds the phone and record numbers among the dates and amounts of an answer', () => {
    const text = '지원금은 최대 5천만 원(50,000,000원)이며 마감은 2025-04-28입니다. 담당자 02 123 4567, 해외 +1 415 555 0132, mrn: AB12345';
    const found = detectPersonalData(text).map((finding) => [finding.kind, text.slice(finding.start, finding.end)]);
    expect(found).toEqual([
      ['phone_number', '02 123 4567'],
      ['phone_number', '+1 415 555 0132'],
      ['patient_record_number', 'AB12345'],
    ]);
    expect(detectPersonalData('마감은 2025-04-28, 금액은 50,000,000원, 기간 2025. 5. ~ 2025. 12.')).toEqual([]);
  });
});
