import type { PersonalDataFinding } from './personal-data-kinds.js';
import { hasLabelBefore } from './label-before.js';

/**
 * Payment card numbers: 13–19 digits passing the Luhn check. Written in groups
 * (4-4-4-4, 4-6-5, 4-4-4-4-3) with one consistent separator they are detected on their
 * own; a bare run of digits counts only after a label (카드, card), because order and
 * invoice numbers are bare digit runs too and one in ten passes the Luhn check by chance.
 */
const grouped = /(?<![0-9.\-])[0-9]{4}([ -])[0-9]{4,6}\1[0-9]{4,5}(?:\1[0-9]{3,4}){0,2}(?![0-9]|[-.][0-9])/g;
const bare = /(?<![0-9.\-])[0-9]{13,19}(?![0-9]|[-.][0-9])/g;
const label = /카드|card/i;

export function findCardNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(grouped)) {
    if (!isCardNumber(match[0])) continue;
    findings.push({ kind: 'card_number', start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(bare)) {
    if (!isCardNumber(match[0]) || !hasLabelBefore(text, match.index, label)) continue;
    findings.push({ kind: 'card_number', start: match.index, end: match.index + match[0].length });
  }
  return findings;
}

function isCardNumber(written: string): boolean {
  const digits = written.replace(/[^0-9]/g, '');
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
