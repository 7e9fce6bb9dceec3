import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../src/privacy/redact-personal-data.js';
import { hasValidBirthDate, hasValidCheckDigit } from '../../src/privacy/resident-registration-number.js';

const redact = (text: string): string => redactPersonalData(text).text;

describe('registration numbers and the post-2020 checksum rule', () => {
  it('detects 13 bare digits with a valid date, gender digit and check digit', () => {
    expect(redact('번호 8505152345679 확인')).toBe('번호 [주민등록번호] 확인');
  });

  it('detects a wrong check digit when hyphenated, as numbers issued since October 2020 have none', () => {
    expect(redact('대상자 210315-3847261')).toBe('대상자 [주민등록번호]');
    expect(redact('대상자 930615 - 1876543 동의')).toBe('대상자 [주민등록번호] 동의');
  });

  it('detects a wrong check digit without hyphen only when labelled', () => {
    expect(redact('주민번호 9001011234567')).toBe('주민번호 [주민등록번호]');
    expect(redact('RRN 9001011234567')).toBe('RRN [주민등록번호]');
    expect(redact('주문번호 9001011234567')).toBe('주문번호 9001011234567');
  });

  it('leaves impossible dates and company registration numbers alone', () => {
    expect(redact('문서번호 991345-1234567')).toBe('문서번호 991345-1234567');
    expect(redact('송장번호 1234567890123')).toBe('송장번호 1234567890123');
    expect(redact('법인등록번호 110111-1234567')).toBe('법인등록번호 110111-1234567');
  });

  it('tells foreigners from residents by the gender digit or the label', () => {
    expect(redactPersonalData('870420-5123454').kinds).toEqual(['foreigner_registration_number']);
    expect(redactPersonalData('외국인등록번호 810203-1987654').kinds).toEqual(['foreigner_registration_number']);
  });

  it('leaves gender digits 9 and 0 (born in the 1800s) alone unless a label says what they are', () => {
    expect(redact('코드 990101-9123456')).toBe('코드 990101-9123456');
    expect(redact('관리번호 960303-0021413')).toBe('관리번호 960303-0021413');
    expect(redactPersonalData('주민번호 990101-9123456').kinds).toEqual(['resident_registration_number']);
  });

  it('checks dates against the century the gender digit names', () => {
    expect(hasValidBirthDate('0002293000000')).toBe(true);
    expect(hasValidBirthDate('0002291000000')).toBe(false);
    expect(hasValidBirthDate('9902305000000')).toBe(false);
    expect(hasValidBirthDate('3001013000000', new Date('2025-01-01'))).toBe(false);
  });

  it('accepts the resident check digit and the foreigner variant', () => {
    expect(hasValidCheckDigit('9001011234568')).toBe(true);
    expect(hasValidCheckDigit('9001011234567')).toBe(false);
    expect(hasValidCheckDigit('9902285678906')).toBe(true);
  });
});

describe('which label a number belongs to', () => {
  it('lets the nearer label decide when a registration-number label is further back', () => {
    expect(redact('주민번호는 올리지 마세요. 문서번호 880411-2238459')).toBe('주민번호는 올리지 마세요. 문서번호 880411-2238459');
    expect(redact('주문번호 말고 주민번호 880411-2238459')).toBe('주문번호 말고 주민번호 [주민등록번호]');
    expect(redact('IRB 서류 스캔본에 880411-2238459 가 보입니다')).toBe('IRB 서류 스캔본에 [주민등록번호] 가 보입니다');
  });
});
