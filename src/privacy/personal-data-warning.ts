import { personalDataLabel, type PersonalDataKind } from './personal-data-kinds.js';
import { text } from '../messages/messages.js';

/**
 * The one-line notice that goes with a reply whose question contained identifiers.
 * Nothing found means nothing to say, so callers can append the result only when it is
 * not empty.
 */
export function personalDataWarning(kinds: PersonalDataKind[], language: 'ko' | 'en'): string {
  if (kinds.length === 0) return '';
  const names = [...new Set(kinds)].map((kind) => personalDataLabel(kind, language)).join(', ');
  return text(language, 'privacy.personalDataRemoved', { names });

}
