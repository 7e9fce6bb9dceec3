import type { PersonalDataFinding } from './personal-data-kinds.js';

/**
 * Hospital record numbers have no national format, so they are recognised only by the
 * label in front of them (등록번호, 환자번호, MRN, patient ID, …). The label stays in the
 * text and only the value after it is removed, so the reader still knows what was there.
 *
 * "등록번호" inside 주민등록번호 / 외국인등록번호 belongs to the registration-number
 * detector; inside 사업자등록번호 / 법인등록번호 it is a company number, not a person's.
 */
const label = [
  '(?<!주민|주민\\s|외국인|외국인\\s|사업자|사업자\\s|법인|법인\\s)등록\\s?번호',
  '환자\\s?(?:번호|ID|아이디)',
  '병록\\s?번호',
  '차트\\s?번호',
  '진료\\s?번호',
  '\\bMRN\\b',
  '\\bmedical\\s+record\\s+(?:number|no\\.?|#)',
  '\\bpatient\\s+(?:ID|number|no\\.?|#)',
  '\\bhospital\\s+(?:number|no\\.?|#)',
].join('|');
// What may stand between the label and the value: punctuation, a Korean particle, "is".
const gap = '[\\s:：#=()\\[\\]]*(?:(?:is|was|은|는|이|가|:)[\\s:：#=]*)?';
// Five or more letters, digits or hyphens, with at least one digit so words are skipped.
const value = '(?=[A-Za-z0-9-]*[0-9])[A-Za-z0-9][A-Za-z0-9-]{4,}(?![A-Za-z0-9])';
const labelledValue = new RegExp(`(?:${label})${gap}(${value})`, 'gi');

export function findPatientRecordNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(labelledValue)) {
    const found = match[1] ?? '';
    const end = match.index + match[0].length;
    findings.push({ kind: 'patient_record_number', start: end - found.length, end });
  }
  return findings;
}
