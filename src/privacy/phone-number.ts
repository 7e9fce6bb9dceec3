import type { PersonalDataFinding } from './personal-data-kinds.js';

/**
 * Korean personal phone numbers: mobiles (010, 011, 016–019), Seoul (02) and regional
 * (031–064) landlines, 070 internet phones and 050x personal ("안심번호") numbers, written
 * with "-", ".", spaces or nothing between the groups, and the international forms
 * (+82, (+82), 0082, 82 before a mobile prefix) without the leading 0, with it in brackets ("+82 (0)10-…") or with the area
 * code in brackets ("+82(10)1234-5678").
 *
 * Business numbers such as 1544-1234 are published on purpose and are not personal, so
 * they are left alone; so are 080 toll-free and 060 premium numbers. Dates (2025-04-28),
 * amounts and year ranges never start with a valid prefix followed by the right group
 * lengths.
 */
const areaCode = '(?:1[016789]|2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|50[0-9]?)';
const prefix = `0${areaCode}`;
// "-" or "." (perhaps with a space either side), a lone space, or nothing.
const separator = '(?:\\s?[-.]\\s?|\\s)?';
const subscriber = `[0-9]{3,4}${separator}[0-9]{4}`;
// Not inside a longer number, decimal, version or hyphenated code.
const notAfter = '(?<![0-9.,\\-+])';
const notBefore = '(?![0-9]|[-.,][0-9])';

const domestic = new RegExp(`${notAfter}(?:\\(${prefix}\\)\\s?|${prefix}\\)?${separator})${subscriber}${notBefore}`, 'g');
// +82, (+82), 0082, or a bare 82 when a mobile prefix follows ("82-10-1234-5678").
const countryCode = `(?:\\(\\s?\\+\\s?82\\s?\\)|\\+\\s?82|(?<![0-9])0082|(?<![0-9.,\\-+])82(?=[-\\s]0?1[016789]))`;
const international = new RegExp(
  `${countryCode}${separator}(?:\\(\\s?0?${areaCode}\\s?\\)|(?:\\(0\\)\\s?|0)?${areaCode})${separator}${subscriber}${notBefore}`,
  'g',
);

export function findPhoneNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const pattern of [domestic, international]) {
    for (const match of text.matchAll(pattern)) {
      findings.push({ kind: 'phone_number', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}
