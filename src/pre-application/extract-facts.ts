import { findLocation } from '../company-facts/places.js';
import { findFoundedYear } from '../company-facts/founding.js';
import { findEmployees } from '../company-facts/employees.js';
import { findFirstEmailAddress } from '../privacy/index.js';

/**
 * Facts that founders often pack into one sentence ("성동구에 있는 2021년 설립 회사예요",
 * "founded in 2021, 12 employees"). Each finder returns undefined when unsure, so a fact is
 * only filled when the text says it plainly; Itda then repeats what it filled.
 */
export type FactFinder = (text: string) => unknown;

// The finders themselves live once, in src/company-facts, where Q&A reads them too.

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
