import type { PersonalDataFinding } from './personal-data-kinds.js';
import { hasLabelBefore } from './label-before.js';

/**
 * Hospital record numbers have no national format, so they are recognised only by the
 * label in front of them (등록번호, 의무기록번호, 환자번호, MRN, MR#, EMR, Pt ID, …). The
 * label stays in the text and only the value after it is removed, so the reader still
 * knows what was there.
 *
 * A bare "등록번호" is a patient's only when no other registry is named just before it:
 * 주민/외국인등록번호 belong to the registration-number detector, and 사업자·법인·과제·
 * 특허·임상시험 등록번호 name companies, grants, patents and trials, not people.
 */
const label = [
  '(?<bare>등록\\s?번호)',
  '환자\\s?(?:등록\\s?)?(?:번호|ID|아이디)',
  '병록\\s?번호',
  '차트(?:\\s?번호)?',
  '\\bchart\\s+(?:number|no\\.?|#)',
  '\\bmed\\.?\\s+rec(?:ord)?\\.?\\s+(?:number|no\\.?|#)',
  '진료\\s?(?:카드\\s?)?번호',
  '의무\\s?기록(?:\\s?번호)?',
  '\\bMRN\\b',
  '\\bMR\\s?#',
  '\\bmedical\\s+record(?:\\s+(?:number|no\\.?|#))?',
  '\\bEMR\\b(?:\\s?(?:번호|number|no\\.?|#))?',
  '\\bpt\\.?\\s?(?:ID|number|no\\.?|#)',
  '\\bpatient\\s+(?:ID|number|no\\.?|#)',
  '\\bhospital\\s+(?:number|no\\.?|#)',
].join('|');
// What may stand between the label and the value: punctuation, a Korean particle, "is".
const gap = '[\\s:：#=()\\[\\]-]*(?:(?:is|was|은|는|이|가|:)[\\s:：#=]*)?';
// Five or more letters, digits or hyphens, with at least one digit so words are skipped;
// not the start of a version or decimal ("v10.2.3").
const value = '(?=[A-Za-z0-9-]*[0-9])[A-Za-z0-9][A-Za-z0-9-]{4,}(?![A-Za-z0-9]|\\.[0-9])';
/**
 * A word every label above contains, matched the same way (case-insensitive): without one there
 * is no label, so no record number, and the costly pattern need not run (answers are redacted too,
 * and they are full of dates and amounts). A label added above needs its word here.
 */
const LABEL_WORD = /등록|환자|병록|차트|진료|의무|chart|med|mr|pt|patient|hospital/i;
const labelledValue = new RegExp(`(?:${label})${gap}(?<value>${value})`, 'gi');
const otherRegistry = /주민|외국인|사업자|법인|과제|특허|상표|디자인|실용신안|출원|임상|차량|자동차|의약품|의료기기|품목|등기|CRIS|NCT|IRB/i;
const calendarDate = /^(?:19|20)[0-9]{2}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12][0-9]|3[01])$/;

export function findPatientRecordNumbers(text: string): PersonalDataFinding[] {
  if (!LABEL_WORD.test(text)) return [];
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(labelledValue)) {
    const found = match.groups?.value ?? '';
    if (calendarDate.test(found)) continue;
    if (match.groups?.bare && hasLabelBefore(text, match.index, otherRegistry, 30)) continue;
    const end = match.index + match[0].length;
    findings.push({ kind: 'patient_record_number', start: end - found.length, end });
  }
  return findings;
}
