import type { PersonalDataFinding } from './personal-data-kinds.js';
import { hasLabelBefore } from './label-before.js';

/**
 * Korean passport numbers, in upper or lower case: the old format is a type letter (M
 * ordinary, S official, R travel certificate, O official, D diplomatic) and 8 digits; the
 * format issued since December 2021 is a type letter, 3 digits, a letter and 4 digits.
 *
 * The new format (type letter + 3 digits + letter + 4 digits) is distinctive enough on its
 * own, and so is M plus 8 digits, the ordinary old passport. S, R, O or D plus 8 digits is
 * also a common lot or batch code ("S20250428"), so it counts only after a label (여권,
 * passport). Codes starting with other letters ("A123B4567") are product codes.
 */
const shape = /(?<![A-Za-z0-9])(?:[MSRODmsrod][0-9]{8}|[MSRODGmsrodg][0-9]{3}[A-Za-z][0-9]{4})(?![A-Za-z0-9])/g;
const standsAlone = /^(?:[Mm][0-9]{8}|[A-Za-z][0-9]{3}[A-Za-z][0-9]{4})$/;
const label = /여권|passport/i;

export function findPassportNumbers(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(shape)) {
    const start = match.index;
    if (!standsAlone.test(match[0]) && !hasLabelBefore(text, start, label)) continue;
    findings.push({ kind: 'passport_number', start, end: start + match[0].length });
  }
  return findings;
}
