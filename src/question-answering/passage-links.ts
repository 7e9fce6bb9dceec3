import type { Language } from '../messages/language.js';
import { text as messageText } from '../messages/messages.js';

// A URL ends at the first space, bracket or non-ASCII letter ("…/upload에" is a URL and a particle).
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>()[\]|"'`\u0080-\uFFFF]+/gi;

/**
 * A model answer may point people only where the program documents do: a URL not found in the
 * retrieved passages (a phishing page, a made-up form) is replaced by a marker, and links are
 * reduced to their visible text plus the address, so no label can disguise where it leads.
 */
export function keepOnlyPassageLinks(answer: string, passages: readonly string[], language: Language): string {
  const allowed = new Set(passages.flatMap((passage) => passage.match(URL_PATTERN) ?? []).map(normaliseUrl));
  return answer
    .replace(/\[([^\]\n]*)\]\(([^)\s]+)\)/g, (_link, label: string, url: string) => `${label} ${url}`)
    .replace(/<((?:https?:\/\/|mailto:)[^|>\s]+)\|([^>]*)>/gi, (_link, url: string, label: string) => `${label} ${url}`)
    .replace(/<(https?:\/\/[^|>\s]+)>/gi, '$1')
    .replace(URL_PATTERN, (match) => {
      const url = match.replace(/[.,;:!?]+$/, '');
      const trailing = match.slice(url.length);
      return `${allowed.has(normaliseUrl(url)) ? url : messageText(language, 'qa.linkRemoved')}${trailing}`;
    });
}

function normaliseUrl(url: string): string {
  return url.replace(/[.,;:!?]+$/, '').replace(/\/+$/, '').replace(/^https?:\/\//i, '').replace(/^www\./i, '').toLowerCase();
}
