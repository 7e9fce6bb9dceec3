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
  return value in labels;
}

const labels: Record<PersonalDataKind, { ko: string; en: string }> = {
  resident_registration_number: { ko: '주민등록번호', en: 'resident registration number' },
  foreigner_registration_number: { ko: '외국인등록번호', en: 'foreigner registration number' },
  phone_number: { ko: '전화번호', en: 'phone number' },
  email: { ko: '이메일', en: 'email address' },
  patient_record_number: { ko: '환자번호', en: 'patient record number' },
  passport_number: { ko: '여권번호', en: 'passport number' },
  card_number: { ko: '카드번호', en: 'card number' },
};

export function personalDataLabel(kind: PersonalDataKind, language: 'ko' | 'en'): string {
  return labels[kind][language];
}
