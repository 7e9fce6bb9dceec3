import type { PersonalDataFinding } from './personal-data-kinds.js';
import { hasLabelBefore } from './label-before.js';
import { hasOtherNumberLabelBefore } from './other-number-label.js';

/**
 * Phone numbers that are not in a Korean format: a foreign co-investigator's "+1 415 555
 * 0132" or "+44 (20) 7123 4567", a North American "(415) 555-0132", and any other run of
 * 9–13 digits right after a phone label (전화, 연락처, phone, tel, …: "phone 090-1234-5678").
 *
 * A "+", a country code and 8–15 digits (the E.164 length) is a phone number whatever the
 * country; +82 is left to the Korean rules, which know its business numbers, and the
 * international freephone and premium codes (+800, +808, +979) are published numbers. After a phone
 * label, Korean business, toll-free and premium numbers (15xx, 16xx, 18xx, 080, 060) are
 * still published ones, dates and year-first codes are not phones, and a nearer label
 * (IRB, 주문번호, …) says what the number is.
 */
const plusInternational = /(?<![0-9A-Za-z+])\+(?!\s?82|80[08]|979)[1-9][0-9]{0,3}(?:[ .-]?(?:\([0-9]{1,4}\)|[0-9]{1,5})){1,6}(?![0-9]|[-.][0-9])/g;
const northAmerican = /(?<![0-9])\([2-9][0-9]{2}\)\s?[2-9][0-9]{2}[-.\s][0-9]{4}(?![0-9]|[-.][0-9])/g;
const labelledDigits = /(?<![0-9.,\-+])\(?[0-9]{2,4}\)?(?:[ .-]?\(?[0-9]{2,4}\)?){1,3}(?![0-9]|[-.][0-9])/g;
const phoneLabel = /전화|연락처|휴대\s?폰|핸드폰|팩스|\b(?:phone|mobile|cell|tel|call|fax|whatsapp)\b/i;
const publishedNumber = /^(?:1[5-8]|080|060)/;
// A date, or a code that starts with a year ("2024-0912-3456", IRB and grant numbers).
const startsWithYear = /^(?:19|20)[0-9]{2}(?:[-. ]|(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))/;

export function findForeignPhoneNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  const add = (start: number, written: string) => findings.push({ kind: 'phone_number', start, end: start + written.length });
  for (const match of text.matchAll(plusInternational)) {
    if (digitCount(match[0]) >= 8 && digitCount(match[0]) <= 15) add(match.index, match[0]);
  }
  for (const match of text.matchAll(northAmerican)) add(match.index, match[0]);
  for (const match of text.matchAll(labelledDigits)) {
    const digits = match[0].replace(/[^0-9]/g, '');
    if (digits.length < 9 || digits.length > 13 || publishedNumber.test(digits) || startsWithYear.test(match[0])) continue;
    if (hasLabelBefore(text, match.index, phoneLabel, 20) && !hasOtherNumberLabelBefore(text, match.index)) add(match.index, match[0]);
  }
  return findings;
}

function digitCount(written: string): number {
  return written.replace(/[^0-9]/g, '').length;
}
