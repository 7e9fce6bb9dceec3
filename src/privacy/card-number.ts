import type { PersonalDataFinding } from './personal-data-kinds.js';
import { hasLabelBefore } from './label-before.js';
import { hasOtherNumberLabelBefore } from './other-number-label.js';

/**
 * Payment card numbers: 13–19 digits passing the Luhn check, written in groups (4-4-4-4,
 * 4-6-5, …) with one consistent separator or as one run of digits.
 *
 * One random number in ten passes the Luhn check, so a number also needs the length its
 * issuer's prefix gives (Visa 4…, Mastercard 51–55/2221–2720, Amex 34/37, …) unless a
 * label (카드, card, a network's name) says what it is; and after a label that names
 * another kind of number
 * (주문번호, 운송장, IMEI, …) it is that other number.
 */
const grouped = /(?<![0-9.\-])[0-9]{4}([ -])[0-9]{4,6}\1[0-9]{4,5}(?:\1[0-9]{3,4}){0,2}(?![0-9]|[-.][0-9])/g;
const bare = /(?<![0-9.\-])[0-9]{13,19}(?![0-9]|[-.][0-9])/g;
// A card word or a network's name says what the number is, whatever its prefix.
const label = /카드|card|visa|master|amex|american\s+express|maestro|discover|jcb|union\s?pay|diners|비자|마스터|아멕스|은련/i;

/** Issuer prefixes (published IIN ranges) and the lengths cards under them have. */
const issuers: { prefix: RegExp; lengths: number[] }[] = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa
  { prefix: /^(?:5[1-5]|2(?:22[1-9]|2[3-9]|[3-6]|7[01]|720))/, lengths: [16] }, // Mastercard 51–55, 2221–2720
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^3(?:0[0-5]|095|[689])/, lengths: [14, 16] }, // Diners Club
  { prefix: /^35(?:2[89]|[3-8])/, lengths: [16, 17, 18, 19] }, // JCB
  { prefix: /^6(?:011|4[4-9]|5|2)/, lengths: [16, 17, 18, 19] }, // Discover, UnionPay
  { prefix: /^(?:50(?:18|20|38)|5893|6304|6759|676[1-3])/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { prefix: /^(?:5019|220[0-4])/, lengths: [16] }, // Dankort, Mir
  { prefix: /^94/, lengths: [16] }, // Korean domestic-only cards (BC and others)
];

export function findCardNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const pattern of [grouped, bare]) {
    for (const match of text.matchAll(pattern)) {
      const digits = match[0].replace(/[^0-9]/g, '');
      if (!isCardNumber(digits) || hasOtherNumberLabelBefore(text, match.index)) continue;
      if (!hasIssuerPrefix(digits) && !hasLabelBefore(text, match.index, label)) continue;
      findings.push({ kind: 'card_number', start: match.index, end: match.index + match[0].length });
    }
  }
  return findings;
}

function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
}

function hasIssuerPrefix(digits: string): boolean {
  return issuers.some((issuer) => issuer.prefix.test(digits) && issuer.lengths.includes(digits.length));
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
