import type { PersonalDataFinding } from './personal-data-kinds.js';
import { hasLabelBefore } from './label-before.js';

/**
 * Korean passport numbers: the old format is a type letter (M, S, R, O, D) and 8 digits;
 * the format issued since December 2021 is a letter, 3 digits, a letter and 4 digits.
 * Both shapes also occur as product codes, so they count only after a label (여권,
 * passport) — except M plus 8 digits, the ordinary passport, which is distinctive enough
 * on its own.
 */
const shape = /(?<![A-Za-z0-9])(?:[MSROD][0-9]{8}|[A-Z][0-9]{3}[A-Z][0-9]{4})(?![A-Za-z0-9])/g;
const ordinaryPassport = /^M[0-9]{8}$/;
const label = /여권|passport/i;

export function findPassportNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(shape)) {
    const start = match.index;
    if (!ordinaryPassport.test(match[0]) && !hasLabelBefore(text, start, label)) continue;
    findings.push({ kind: 'passport_number', start, end: start + match[0].length });
  }
  return findings;
}
