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
  const candidates = [
    ...findRegistrationNumbers(normalised),
    ...findCardNumbers(normalised),
    ...findPassportNumbers(normalised),
    ...findEmailAddresses(normalised),
    ...findPhoneNumbers(normalised),
    ...findForeignPhoneNumbers(normalised),
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
