import type { PersonalDataFinding } from './personal-data-kinds.js';

/**
 * E-mail addresses. A Slack mention ("@itda", "<@U123ABC>") has nothing before the "@"
 * and no dotted domain, so it never matches. Retina image names such as "logo@2x.png"
 * have the shape of an address, so domains ending in an image extension are skipped.
 */
const address = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![A-Za-z0-9])/g;
const imageExtension = /\.(?:png|jpe?g|gif|svg|webp|bmp|ico)$/i;

export function findEmailAddresses(text: string): PersonalDataFinding[] {
  const findings: PersonalDataFinding[] = [];
  for (const match of text.matchAll(address)) {
    if (imageExtension.test(match[0])) continue;
    findings.push({ kind: 'email', start: match.index, end: match.index + match[0].length });
  }
  return findings;
}
