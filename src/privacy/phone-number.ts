import type { PersonalDataFinding } from './personal-data-kinds.js';

/**
 * Korean personal phone numbers: mobiles (010, 011, 016–019), Seoul (02) and regional
 * (031–064) landlines, and 070 internet phones, written with "-", ".", spaces or nothing
 * between the groups, and the international +82 forms without the leading 0.
 *
 * Business numbers such as 1588-1234 are published on purpose and are not personal, so
 * they are left alone; so are 080 toll-free numbers. Dates (2025-04-28), amounts and
 * year ranges never start with a valid prefix followed by the right group lengths.
 */
const prefix = '(?:01[016789]|02|03[1-3]|04[1-4]|05[1-5]|06[1-4]|070)';
const internationalPrefix = '(?:1[016789]|2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70)';
// "-" or "." (perhaps with a space either side), a lone space, or nothing.
const separator = '(?:\\s?[-.]\\s?|\\s)?';
const subscriber = `[0-9]{3,4}${separator}[0-9]{4}`;
// Not inside a longer number, decimal, version or hyphenated code.
const notAfter = '(?<![0-9.,\\-+])';
const notBefore = '(?![0-9]|[-.,][0-9])';

const domestic = new RegExp(`${notAfter}(?:\\(${prefix}\\)\\s?|${prefix}\\)?${separator})${subscriber}${notBefore}`, 'g');
const international = new RegExp(
  `\\+82${separator}(?:\\(0\\)|0)?${internationalPrefix}${separator}${subscriber}${notBefore}`,
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
