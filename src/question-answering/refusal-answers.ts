import type { Language } from '../messages/language.js';
import { textIn } from '../messages/messages.js';

/**
 * The fixed replies for questions Itda does not answer from the documents. Each says what Itda
 * can do instead, so a refusal still moves the founder forward. Wording: knowledge/messages/<language>/qa.yaml.
 */
export function outOfScopeAnswer(language: Language): string {
  const t = textIn(language);
  return t('qa.outOfScope', { whatItdaDoes: t('qa.whatItdaDoes') });
}

export function medicalAdviceAnswer(language: Language, emergency: boolean): string {
  const t = textIn(language);
  return t('qa.medicalAdvice', { emergency: t(emergency ? 'qa.medicalEmergencyUrgent' : 'qa.medicalEmergencyGeneral'), whatItdaDoes: t('qa.whatItdaDoes') });
}

export function injectionAnswer(language: Language): string {
  const t = textIn(language);
  return t('qa.injection', { whatItdaDoes: t('qa.whatItdaDoes') });
}

export function noSourceAnswer(language: Language, contact: string): string {
  return textIn(language)('qa.noSource', { contact });
}
