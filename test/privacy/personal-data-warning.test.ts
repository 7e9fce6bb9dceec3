import { describe, expect, it } from 'vitest';
import { personalDataLabel } from '../../src/privacy/personal-data-kinds.js';
import { personalDataWarning } from '../../src/privacy/personal-data-warning.js';

describe('personalDataWarning', () => {
  it('names what was removed, says it was not kept and asks not to share patient identifiers', () => {
    expect(personalDataWarning(['resident_registration_number', 'phone_number'], 'ko')).toBe(
      '메시지에 있던 개인정보(주민등록번호, 전화번호)는 지운 뒤 처리했고 저장하지 않았습니다. 환자 식별정보는 Slack에 올리지 말아 주세요.',
    );
    expect(personalDataWarning(['email'], 'en')).toBe(
      'I removed the personal identifiers in your message (email address) before processing and did not keep them. Please do not share patient identifiers in Slack.',
    );
  });

  it('says nothing when nothing was found', () => {
    expect(personalDataWarning([], 'ko')).toBe('');
  });

  it('labels each kind in both languages', () => {
    expect(personalDataLabel('patient_record_number', 'ko')).toBe('환자번호');
    expect(personalDataLabel('foreigner_registration_number', 'en')).toBe('foreigner registration number');
  });
});
