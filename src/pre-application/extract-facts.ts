import { findLocation } from './eligibility-checks.js';
import { findFirstEmailAddress } from '../privacy/index.js';

/**
 * Facts that founders often pack into one sentence ("성동구에 있는 2021년 설립 회사예요",
 * "founded in 2021, 12 employees"). Each finder returns undefined when unsure, so a fact is
 * only filled when the text says it plainly; Itda then repeats what it filled.
 */
export type FactFinder = (text: string) => unknown;

export function findFoundedYear(text: string): number | undefined {
  const korean = /((?:19|20)\d{2})\s*년?\s*(?:에\s*)?(?:\d{1,2}\s*월\s*(?:에\s*)?)?(?:설립|창업|창립|법인\s*설립|개업)/.exec(text);
  const english = /(?:founded|established|incorporated|started|since)\s+(?:in\s+)?(?:[A-Za-z]+\s+)?((?:19|20)\d{2})/i.exec(text);
  const year = korean?.[1] ?? english?.[1];
  return year ? Number(year) : undefined;
}

/** Any four-digit year, for the founding-year question itself ("2021", "2021년 3월"). */
export function findAnyYear(text: string): number | undefined {
  const match = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

export function findEmployees(text: string): number | undefined {
  const korean = /(?:직원|임직원|구성원|인원|팀원)\s*(?:은|는|이|수)?\s*(?:(?:지금|현재|대략|약|총|한)\s*)*(\d[\d,]*)\s*명/.exec(text)
    ?? /(\d[\d,]*)\s*명의?\s*(?:직원|임직원|구성원|팀원)/.exec(text);
  const english = /(\d[\d,]*)\s*(?:employees|staff|people|members)/i.exec(text);
  const number = korean?.[1] ?? english?.[1];
  return number ? Number(number.replace(/,/g, '')) : undefined;
}

/** The e-mail pattern lives once, in src/privacy, so the form accepts what redaction keeps. */
export function findEmail(text: string): string | undefined {
  return findFirstEmailAddress(text);
}

/** The finders, keyed by the answer path each one fills. */
export const FACT_FINDERS: Record<string, FactFinder> = {
  'company.location': findLocation,
  'company.foundedYear': findFoundedYear,
  'company.employees': findEmployees,
  'contact.email': findEmail,
};

export function extractFacts(text: string, paths: string[]): { path: string; value: unknown }[] {
  return paths.flatMap((path) => {
    const value = FACT_FINDERS[path]?.(text);
    return value === undefined ? [] : [{ path, value }];
  });
}
