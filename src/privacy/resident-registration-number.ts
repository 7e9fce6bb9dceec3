import type { PersonalDataFinding } from './personal-data-kinds.js';
import { hasLabelBefore } from './label-before.js';

/**
 * Resident (주민등록번호) and foreigner (외국인등록번호) registration numbers:
 * YYMMDD-GNNNNNN, where G gives the century and sex (1–4 and 9/0 for residents,
 * 5–8 for foreigners).
 *
 * Why the checksum is not enough on its own: numbers issued before October 2020 end in a
 * mod-11 check digit, but numbers issued since then have random final digits. So:
 * - a valid birth date and gender digit with a correct check digit → detected;
 * - a valid date and gender digit with a wrong check digit → detected only when the number
 *   is hyphenated (the way people write a registration number) or labelled;
 * - 13 digits in a row with a bad date, bad gender digit or wrong check digit and no
 *   label → left alone, because order and invoice numbers look like that;
 * - a label ("주민번호", "RRN", …) right before the number → detected whatever the digits,
 *   because a mistyped registration number is still someone's registration number;
 * - after 법인등록번호 the same shape is a company's number, which is not personal.
 */
const shape = /(?<![0-9])([0-9]{6})(?:\s?-\s?)?([0-9]{7})(?![0-9])/g;
const label = /주민\s*(?:등록)?\s*번호|외국인\s*등록\s*번호|\bRRN\b|resident\s+registration|alien\s+registration|foreigner\s+registration/i;
const foreignerLabel = /외국인|alien|foreigner/i;
// 법인등록번호 (corporate registration) has the same 6-7 shape but names a company.
const corporateLabel = /법인\s*(?:등록)?\s*번호|corporate\s+registration/i;
const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

export function findRegistrationNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(shape)) {
    const [whole, front = '', back = ''] = match;
    const start = match.index;
    const digits = front + back;
    const hyphenated = whole.includes('-');
    if (hasLabelBefore(text, start, corporateLabel, 15)) continue;
    const labelled = hasLabelBefore(text, start, label);
    const plausible = hasValidBirthDate(digits);
    const detected = labelled || (plausible && (hyphenated || hasValidCheckDigit(digits)));
    if (!detected) continue;
    const foreigner = isForeignerGenderDigit(digits[6] ?? '') || (labelled && hasLabelBefore(text, start, foreignerLabel));
    const kind = foreigner ? 'foreigner_registration_number' : 'resident_registration_number';
    findings.push({ kind, start, end: start + whole.length });
  }
  return findings;
}

function isForeignerGenderDigit(digit: string): boolean {
  return '5678'.includes(digit) && digit !== '';
}

const centuryByGenderDigit: Record<string, number> = {
  '1': 1900, '2': 1900, '5': 1900, '6': 1900,
  '3': 2000, '4': 2000, '7': 2000, '8': 2000,
  '9': 1800, '0': 1800,
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
