import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findFirstEmailAddress, isEmailAddress, redactPersonalData } from '../../src/privacy/index.js';

const redact = (text: string): string => redactPersonalData(text).text;

describe('the formats issue 11 found slipping through', () => {
  it('removes an RRN with a space instead of the hyphen, also right after 주민번호', () => {
    expect(redact('주민번호 960121 1021413 확인')).toBe('주민번호 [주민등록번호] 확인');
    expect(redact('대상자 880411 2238459')).toBe('대상자 [주민등록번호]');
    expect(redact('김OO 010-2222-3333 900417-2806195 내과')).toBe('김OO [전화번호] [주민등록번호] 내과');
  });

  it('removes bare 13-digit numbers with a real birth date and gender digit, check digit or not', () => {
    expect(redact('번호 9601211234567 입니다')).toBe('번호 [주민등록번호] 입니다');
    expect(redactPersonalData('9111245678901').kinds).toEqual(['foreigner_registration_number']);
    expect(redact('일련번호 0013321234567')).toBe('일련번호 0013321234567');
    expect(redact('주문번호 8804112238459')).toBe('주문번호 8804112238459');
  });

  it('leaves company registration numbers alone, with or without their label', () => {
    expect(redact('법인등록번호 110111-6638542')).toBe('법인등록번호 110111-6638542');
    expect(redact('협약서의 110111-6638542 는 회사 번호')).toBe('협약서의 110111-6638542 는 회사 번호');
    expect(redact('사업자등록번호 104-86-56659')).toBe('사업자등록번호 104-86-56659');
  });

  it('removes +82(10)… and the other international forms', () => {
    expect(redact('연락처 +82(10)1234-5678 입니다')).toBe('연락처 [전화번호] 입니다');
    expect(redact('+82 (0)10-2000-0000, 0082-10-4321-8765')).toBe('[전화번호], [전화번호]');
    expect(redact('대표번호 1544-1234, 080-123-4567')).toBe('대표번호 1544-1234, 080-123-4567');
    expect(redact('(+82) 10-4321-8765 또는 82-10-4321-8765')).toBe('[전화번호] 또는 [전화번호]');
    expect(redact('펌웨어 82.10.1234.5678')).toBe('펌웨어 82.10.1234.5678');
  });

  it('removes foreign numbers written with a country code, and labelled ones, but not published or year-first numbers', () => {
    expect(redact('PI +1 415 555 0132, (415) 555-0132, +44 (20) 7123 4567')).toBe('PI [전화번호], [전화번호], [전화번호]');
    expect(redact('일본 연구원 휴대폰 090-1234-5678')).toBe('일본 연구원 휴대폰 [전화번호]');
    for (const text of ['International freephone +800 1234 5678', '전화 상담 2025.04.28 14:00', '전화 IRB 2019-941-933', '매출 +10.5%, +1,234,567원']) {
      expect(redact(text)).toBe(text);
    }
  });

  it('removes e-mails with Hangul or other scripts, or a leading _, whole', () => {
    expect(redact('문의는 홍길동@병원.한국으로')).toBe('문의는 [이메일]으로');
    expect(redact('메일 김간호.kim@snuh.org로')).toBe('메일 [이메일]로');
    expect(redact('본인 메일 _minji92@naver.com 입니다')).toBe('본인 메일 [이메일] 입니다');
    expect(redact('伊昭傑@郵件.商務 / jeff葉@臺網中心.tw')).toBe('[이메일] / [이메일]');
    expect(redact('<mailto:_kim@snu.ac.kr|_kim@snu.ac.kr>')).toBe('<mailto:[이메일]|[이메일]>');
    expect(redact('메일 test|123@m端ller.com 로, "foo bar"@example.com 도')).toBe('메일 [이메일] 로, [이메일] 도');
  });

  it('removes the new passport format and lowercase passports', () => {
    expect(redact('여권 m456b7890 사본')).toBe('여권 [여권번호] 사본');
    expect(redact('M123A4567 and m87654321')).toBe('[여권번호] and [여권번호]');
    expect(redact('제품코드 A123B4567, 로트 S20250428')).toBe('제품코드 A123B4567, 로트 S20250428');
  });

  it('removes a 16-digit Luhn-valid card number without a label, but not an order number', () => {
    expect(redact('이걸로 결제해 주세요 5555555555554444')).toBe('이걸로 결제해 주세요 [카드번호]');
    expect(redact('주문번호 5105105105105100 결제 완료')).toBe('주문번호 5105105105105100 결제 완료');
    expect(redact('IMEI 490154203237518')).toBe('IMEI 490154203237518');
    expect(redact('Maestro 6765780016990268 declined')).toBe('Maestro [카드번호] declined');
    expect(redact('2220175103860763 은 카드 범위 밖')).toBe('2220175103860763 은 카드 범위 밖');
  });

  it('removes the value after MRN-, MR#, Medical Record:, EMR:, Pt ID: and 의무기록번호', () => {
    expect(redact('MRN-123456 환자')).toBe('MRN-[환자번호] 환자');
    expect(redact('MR# 884213, Medical Record: 20190047')).toBe('MR# [환자번호], Medical Record: [환자번호]');
    expect(redact('EMR: 55123901, Pt ID: A0092231')).toBe('EMR: [환자번호], Pt ID: [환자번호]');
    expect(redact('의무기록번호 10293847')).toBe('의무기록번호 [환자번호]');
  });

  it('leaves grant, patent and trial registration numbers, dates and versions alone', () => {
    for (const text of ['과제 등록번호 RS-2023-00123456', '특허 등록번호 10-2345678', '임상시험 등록번호 KCT0001234', 'EMR: Epic 2023', 'EMR 연동 v10.2.3', 'EMR 2025-04-28 도입']) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('the e-mail pattern other modules use', () => {
  it('finds and checks addresses the same way redaction does', () => {
    expect(findFirstEmailAddress('제 메일은 홍길동@병원.한국 입니다')).toBe('홍길동@병원.한국');
    expect(isEmailAddress('_kim@naver.com')).toBe(true);
    expect(isEmailAddress('kim@naver')).toBe(false);
    expect(isEmailAddress('logo@2x.png')).toBe(false);
  });
});

describe('no fragments', () => {
  it('never leaves an identifier character glued to a removed token, across every corpus sentence', () => {
    const texts = ['dev', 'test'].flatMap((part) =>
      (parse(readFileSync(new URL(`../../eval/personal-data-${part}.yaml`, import.meta.url), 'utf8')) as { examples: { text: string }[] }).examples.map((example) => example.text),
    );
    for (const text of texts) {
      const redacted = redact(text);
      expect(redacted, text).not.toMatch(/[0-9@_+]\[[가-힣]+\]|\[[가-힣]+\](?:[0-9@]|[-.][0-9A-Za-z])/);
    }
  });
});
