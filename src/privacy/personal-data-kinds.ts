import { text } from '../messages/messages.js';

/**
 * The kinds of personal identifier Itda removes before a message is stored, logged,
 * embedded or sent to a language model, and what each is called in Korean and English.
 */
export const PERSONAL_DATA_KINDS = [
  'resident_registration_number',
  'foreigner_registration_number',
  'phone_number',
  'email',
  'patient_record_number',
  'passport_number',
  'card_number',
] as const;

export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** Where one identifier sits in the text: UTF-16 offsets, `end` exclusive. */
export interface PersonalDataFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

export function isPersonalDataKind(value: string): value is PersonalDataKind {
  return (PERSONAL_DATA_KINDS as readonly string[]).includes(value);
}

/** The label is knowledge/messages/<language>/privacy.yaml's kind<Kind>: phone_number → kindPhoneNumber. */
export function personalDataLabel(kind: PersonalDataKind, language: 'ko' | 'en'): string {
  return text(language, `privacy.kind${kind.replace(/(?:^|_)([a-z])/g, (_whole, letter: string) => letter.toUpperCase())}`);
}
