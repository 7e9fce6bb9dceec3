export type { PersonalDataKind, PersonalDataFinding } from './personal-data-kinds.js';
export { PERSONAL_DATA_KINDS, isPersonalDataKind, personalDataLabel } from './personal-data-kinds.js';
export { detectPersonalData } from './detect-personal-data.js';
export { redactPersonalData, type RedactionResult } from './redact-personal-data.js';
export { personalDataWarning } from './personal-data-warning.js';
export { findFirstEmailAddress, isEmailAddress, replaceEmailAddresses } from './email-address.js';
