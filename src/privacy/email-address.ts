import type { PersonalDataFinding } from './personal-data-kinds.js';

/**
 * E-mail addresses, internationalised ones included (RFC 6530/6532: "홍길동@병원.한국",
 * "伊昭傑@郵件.商務", "jeff葉@臺網中心.tw"). The local part is taken as the longest run of
 * address characters before the "@", so "_kim@…" or "김간호.kim@…" is removed whole and
 * never leaves a fragment in front.
 *
 * The top-level domain is letters of one script. Korean glues particles to words
 * ("hong@snuh.org로"), so a Latin TLD stops at the first Hangul letter, and the only Hangul
 * TLDs are 한국 and 삼성. A Slack mention ("@itda", "<@U123>") has nothing before the "@" and
 * no dotted domain; retina image names ("logo@2x.png") are skipped by their extension.
 */
const localCharacter = "[\\p{L}\\p{N}\\p{M}._%+\\-!#$&*/=?^{}~]";
const domainLabel = '[\\p{L}\\p{N}\\p{M}](?:[\\p{L}\\p{N}\\p{M}-]*[\\p{L}\\p{N}\\p{M}])?';
const topLevelDomain = [
  'xn--[A-Za-z0-9-]{2,59}',
  '[\\p{Script=Latin}\\p{M}]{2,24}',
  '한국|삼성',
  '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]{2,12}',
  '[\\p{Script=Cyrillic}]{2,24}',
  '[\\p{Script=Greek}]{2,24}',
  '[\\p{Script=Devanagari}\\p{M}]{2,24}',
  '[\\p{Script=Arabic}\\p{M}]{2,24}',
  '[\\p{Script=Thai}\\p{M}]{2,24}',
].join('|');
// A quoted local part ("foo bar"@example.com) may hold spaces and other characters.
const localPart = `(?:"[^"\\n@]{1,64}"|(?<!${localCharacter})${localCharacter}+)`;
const pattern = `${localPart}@(?:${domainLabel}\\.)+(?:${topLevelDomain})(?![\\p{Script=Latin}\\p{N}\\-])`;
const address = new RegExp(pattern, 'gu');
const wholeAddress = new RegExp(`^${pattern}$`, 'u');
const imageExtension = /\.(?:png|jpe?g|gif|svg|webp|bmp|ico)$/i;

export function findEmailAddresses(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  // The pattern's "@" is literal: without one, the costly scan (a look-behind at every letter) finds nothing.
  if (!text.includes('@')) return findings;
  for (const match of text.matchAll(address)) {
    if (imageExtension.test(match[0])) continue;
    findings.push({ kind: 'email', start: startOfLocalPart(text, match.index), end: match.index + match[0].length });
  }
  return findings;
}

/**
 * RFC 5322 also allows "|", "'" and "`" in a local part ("test|123@…", "o'brien@…"). They
 * are left out of the pattern because Slack writes "<mailto:a@b.kr|a@b.kr>", but when the
 * text glued in front of an address ends in one of them and holds no "@" of its own, it
 * is the start of that address and goes with it, so no fragment stays behind.
 */
function startOfLocalPart(text: string, start: number): number {
  if (!"|'`".includes(text[start - 1] ?? ' ')) return start;
  const glued = /[^\s<>()[\]:;,"]+$/u.exec(text.slice(Math.max(0, start - 64), start - 1))?.[0] ?? '';
  return glued === '' || glued.includes('@') ? start : start - 1 - glued.length;
}

/** The first e-mail address in a text (the pre-application form reads the contact address with it). */
export function findFirstEmailAddress(text: string): string | undefined {
  const [first] = findEmailAddresses(text);
  return first ? text.slice(first.start, first.end) : undefined;
}

/** Whether a whole answer is one e-mail address (and nothing else). */
export function isEmailAddress(text: string): boolean {
  return wholeAddress.test(text) && !imageExtension.test(text);
}

/** The text with each e-mail address replaced (the form reads a name or an intent around one). */
export function replaceEmailAddresses(text: string, replacement: string): string {
  const findings = findEmailAddresses(text);
  let result = text;
  for (const finding of [...findings].reverse()) result = `${result.slice(0, finding.start)}${replacement}${result.slice(finding.end)}`;
  return result;
}
