import type { PersonalDataFinding, PersonalDataKind } from './personal-data-kinds.js';
import { findRegistrationNumbers } from './resident-registration-number.js';
import { findCardNumbers } from './card-number.js';
import { findPassportNumbers } from './passport-number.js';
import { findPhoneNumbers } from './phone-number.js';
import { findForeignPhoneNumbers } from './foreign-phone-number.js';
import { findEmailAddresses } from './email-address.js';
import { findPatientRecordNumbers } from './patient-record-number.js';

/**
 * When two detectors claim overlapping text, the more specific shape wins: a
 * checksum-bearing registration number over a labelled "patient number" that happens to
 * be one, a phone number over a chart label followed by that phone number.
 */
const precedence: PersonalDataKind[] = [
  'resident_registration_number',
  'foreigner_registration_number',
  'card_number',
  'passport_number',
  'email',
  'phone_number',
  'patient_record_number',
];

export function detectPersonalData(text: string): PersonalDataFinding[] {
  const normalised = normaliseForDetection(text);
  // Every shape below needs an ASCII digit or an "@" (after normalising): most questions have
  // neither, and the detectors' look-behinds cost more than this one scan.
  if (!/[0-9@]/.test(normalised)) return [];
  // Answers are redacted before history keeps them, and they are full of dates and amounts: the
  // three costliest detectors (most of redacting an answer) run only where a match could be
  // (the record-number one checks for a label word itself).
  const digits = mostPhoneDigits(normalised);
  const candidates = [
    ...findRegistrationNumbers(normalised),
    ...findCardNumbers(normalised),
    ...findPassportNumbers(normalised),
    ...findEmailAddresses(normalised),
    ...(digits >= MIN_KOREAN_PHONE_DIGITS ? findPhoneNumbers(normalised) : []),
    ...(digits >= MIN_FOREIGN_PHONE_DIGITS ? findForeignPhoneNumbers(normalised) : []),
    ...findPatientRecordNumbers(normalised),
  ].sort((a, b) => precedence.indexOf(a.kind) - precedence.indexOf(b.kind) || b.end - b.start - (a.end - a.start));
  const kept: PersonalDataFinding[] = [];
  for (const candidate of candidates) {
    if (kept.some((taken) => candidate.start < taken.end && taken.start < candidate.end)) continue;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Every phone shape is written with digits, "+", brackets, "-", "." and whitespace only
 * (phone-number.ts, foreign-phone-number.ts): a match lies inside one run of those characters.
 * The fewest digits a match has: a Korean number 9 (02 + 3 + 4; +82 forms more), a foreign one
 * 8 (the E.164 minimum; the North American and labelled shapes need 10 and 9).
 */
const MIN_KOREAN_PHONE_DIGITS = 9;
const MIN_FOREIGN_PHONE_DIGITS = 8;

/** The most digits in one run of the characters a phone number is written with (see above). */
function mostPhoneDigits(text: string): number {
  let most = 0;
  let run = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) {
      run += 1;
      if (run > most) most = run;
    } else if (!(code === 0x2b || code === 0x28 || code === 0x29 || code === 0x2d || code === 0x2e || isWhitespace(code))) run = 0;
  }
  return most;
}

/** What a regular expression's \s matches (ECMAScript WhiteSpace and LineTerminator), by code. */
function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Full-width digits, letters and punctuation (Korean input methods produce them) become
 * their ASCII forms. Each is one UTF-16 unit before and after, so offsets found in the
 * normalised text are valid in the original.
 */
export function normaliseForDetection(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u3000/g, ' ');
}
