import { personalDataLabel, type PersonalDataKind } from './personal-data-kinds.js';

/**
 * The one-line notice that goes with a reply whose question contained identifiers.
 * Nothing found means nothing to say, so callers can append the result only when it is
 * not empty.
 */
export function personalDataWarning(kinds: PersonalDataKind[], language: 'ko' | 'en'): string {
  if (kinds.length === 0) return '';
  const names = [...new Set(kinds)].map((kind) => personalDataLabel(kind, language)).join(', ');
  if (language === 'ko') {
    return `메시지에 있던 개인정보(${names})는 지운 뒤 처리했고 저장하지 않았습니다. 환자 식별정보는 Slack에 올리지 말아 주세요.`;
  }
  return `I removed the personal identifiers in your message (${names}) before processing and did not keep them. Please do not share patient identifiers in Slack.`;
}
