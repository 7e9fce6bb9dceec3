import type { PersonalDataFinding } from './personal-data-kinds.js';
import { hasLabelBefore } from './label-before.js';
import { hasOtherNumberLabelBefore } from './other-number-label.js';

/**
 * Resident (주민등록번호) and foreigner (외국인등록번호) registration numbers:
 * YYMMDD-GNNNNNN, where G gives the century and sex (1–4 residents, 5–8 foreigners;
 * 9 and 0 meant the 1800s, so nobody alive has one).
 *
 * Why the checksum is not enough on its own: numbers issued before October 2020 end in a
 * mod-11 check digit, but numbers issued since then have random final digits. So:
 * - a real birth date and a gender digit 1–8, written with "-", a space or nothing
 *   between the halves → detected, check digit or not;
 * - a gender digit 9 or 0, an impossible date, or more digits around it → left alone;
 * - a label ("주민번호", "RRN", …) shortly before → detected whatever the digits, because a
 *   mistyped registration number is still someone's registration number;
 * - a label naming another number (주문번호, 문서번호, …) right before → that number;
 * - a company registration number (법인등록번호) has the same 6-7 shape: after its label,
 *   or when its digits are one (registry office 11–28, company type, its own mod-10 check
 *   digit) and the resident check digit fails, it is a company's, not a person's.
 */
// Not the tail of a longer number, decimal or hyphenated code; a space before is fine (tables).
const shape = /(?<![0-9.]|[0-9]-)([0-9]{6})(?:\s?-\s?|\s)?([0-9]{7})(?![0-9]|[-.][0-9])/g;
const label = /주민\s*(?:등록)?\s*번호|외국인\s*등록\s*번호|\bRRN\b|\bFRN\b|\bARN\b|resident\s+registration|alien\s+registration|foreigner\s+registration/i;
const foreignerLabel = /외국인|alien|foreigner|\bFRN\b|\bARN\b/i;
// 법인등록번호 (corporate registration) has the same 6-7 shape but names a company.
const corporateLabel = /법인\s*(?:등록)?\s*번호|corporate\s+registration/i;
const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

export function findRegistrationNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(shape)) {
    const [whole, front = '', back = ''] = match;
    const start = match.index;
    const digits = front + back;
    if (hasLabelBefore(text, start, corporateLabel, 15)) continue;
    const labelled = hasLabelBefore(text, start, label);
    // "주민번호는 올리지 마세요. 문서번호 991345-…": the nearer label says what the number is.
    if (hasOtherNumberLabelBefore(text, start) && !hasLabelBefore(text, start, label, 12)) continue;
    if (!labelled && !isPersonalRegistrationNumber(digits)) continue;
    const foreigner = isForeignerGenderDigit(digits[6] ?? '') || (labelled && hasLabelBefore(text, start, foreignerLabel));
    const kind = foreigner ? 'foreigner_registration_number' : 'resident_registration_number';
    findings.push({ kind, start, end: start + whole.length });
  }
  return findings;
}

function isPersonalRegistrationNumber(digits: string): boolean {
  if (!hasValidBirthDate(digits)) return false;
  return hasValidCheckDigit(digits) || !isCorporateRegistrationNumber(digits);
}

/**
 * 법인등록번호: registry office (4 digits, 1101 Seoul … 28xx), company type (2 digits: 11
 * 주식회사 … 22 재단법인, 31–34, 41, 71 외국회사, 81–86), serial (6) and a check digit
 * weighted 1,2,1,2,… mod 10.
 */
export function isCorporateRegistrationNumber(digits: string): boolean {
  if (!/^(?:1[1-9]|2[0-8])[0-9]{2}(?:1[1-6]|2[12]|3[1-4]|41|71|8[1-6])/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 12; index += 1) sum += Number(digits[index]) * (index % 2 === 0 ? 1 : 2);
  return (10 - (sum % 10)) % 10 === Number(digits[12]);
}

function isForeignerGenderDigit(digit: string): boolean {
  return '5678'.includes(digit) && digit !== '';
}

// 9 and 0 (born in the 1800s) are left out: no living person has such a number.
const centuryByGenderDigit: Record<string, number> = {
  '1': 1900, '2': 1900, '5': 1900, '6': 1900,
  '3': 2000, '4': 2000, '7': 2000, '8': 2000,
};

/** The first six digits are a real calendar date in the century the seventh digit names. */
export function hasValidBirthDate(digits: string, today = new Date()): boolean {
  const century = centuryByGenderDigit[digits[6] ?? ''];
  if (century === undefined) return false;
  const year = century + Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && date.getTime() <= today.getTime();
}

/**
 * The pre-2020 check digit. Foreigner numbers used a variant with 13 instead of 11 as the
 * base, so both are accepted for gender digits 5–8.
 */
export function hasValidCheckDigit(digits: string): boolean {
  const sum = weights.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  const last = Number(digits[12]);
  if ((11 - (sum % 11)) % 10 === last) return true;
  return isForeignerGenderDigit(digits[6] ?? '') && (13 - (sum % 11)) % 10 === last;
}
