import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../src/privacy/redact-personal-data.js';

const redact = (text: string): string => redactPersonalData(text).text;

describe('redactPersonalData', () => {
  it('replaces registration numbers, even glued to Korean particles', () => {
    expect(redact('주민번호는900101-1234568이고')).toBe('주민번호는[주민등록번호]이고');
    expect(redact('외국인등록번호 990228-5678906 입니다')).toBe('외국인등록번호 [외국인등록번호] 입니다');
  });

  it('replaces phone numbers in every common Korean form', () => {
    expect(redact('연락처 010-1234-5678')).toBe('연락처 [전화번호]');
    expect(redact('제 번호는01098765432이에요')).toBe('제 번호는[전화번호]이에요');
    expect(redact('연구실 02-2072-1234, 부산 051.240.7000')).toBe('연구실 [전화번호], 부산 [전화번호]');
    expect(redact('Call +82 10 2345 6789 or (02) 740-8114')).toBe('Call [전화번호] or [전화번호]');
    expect(redact('인터넷전화 070-4321-8765')).toBe('인터넷전화 [전화번호]');
    expect(redact('보호자 010 - 1234 - 5678')).toBe('보호자 [전화번호]');
  });

  it('keeps business numbers, dates, amounts, year ranges and bill numbers', () => {
    const text = '콜센터 1588-1234, 마감 2025-04-28, 지원금 50,000,000원, 2012-2023년, 의안번호 2214515';
    expect(redactPersonalData(text)).toEqual({ text, kinds: [] });
  });

  it('replaces e-mail addresses but not Slack mentions or image names', () => {
    expect(redact('<@U123ABC> 메일은 hong.gildong@snuh.org로')).toBe('<@U123ABC> 메일은 [이메일]로');
    expect(redact('@itda logo@2x.png')).toBe('@itda logo@2x.png');
  });

  it('keeps the label of a patient record number and removes the value', () => {
    expect(redact('환자번호 12345678 의 CT')).toBe('환자번호 [환자번호] 의 CT');
    expect(redact('병록번호는H2025-00042입니다')).toBe('병록번호는[환자번호]입니다');
    expect(redact('MRN: 00987654, patient ID A1234567')).toBe('MRN: [환자번호], patient ID [환자번호]');
    expect(redact('환자 ID 12345678 요청')).toBe('환자 ID [환자번호] 요청');
    expect(redact('환자번호를 입력하세요')).toBe('환자번호를 입력하세요');
    expect(redact('사업자등록번호 123-45-67890')).toBe('사업자등록번호 123-45-67890');
  });

  it('replaces passports when labelled or in the ordinary M-format', () => {
    expect(redact('여권번호 M123A4567')).toBe('여권번호 [여권번호]');
    expect(redact('번호 M87654321 확인')).toBe('번호 [여권번호] 확인');
    expect(redact('제품코드 A123B4567')).toBe('제품코드 A123B4567');
  });

  it('replaces grouped card numbers that pass the Luhn check', () => {
    expect(redact('카드 4111-1111-1111-1111 결제')).toBe('카드 [카드번호] 결제');
    expect(redact('Amex 3782 822463 10005')).toBe('Amex [카드번호]');
    expect(redact('운송장 1234 5678 9012 3456')).toBe('운송장 1234 5678 9012 3456');
  });

  it('normalises full-width digits and keeps the original text around them', () => {
    expect(redact('주민번호 ８５０５１５－２３４５６７９ 입니다')).toBe('주민번호 [주민등록번호] 입니다');
    expect(redact('연락처:０１０－５５５５－１２３４')).toBe('연락처:[전화번호]');
  });

  it('lists each kind once, in order of first appearance, with Korean tokens in English text', () => {
    expect(redactPersonalData('phone 010-2222-3333, RRN 850515-2345679, mobile 010-4444-5555')).toEqual({
      text: 'phone [전화번호], RRN [주민등록번호], mobile [전화번호]',
      kinds: ['phone_number', 'resident_registration_number'],
    });
  });
});
