import { findEmployees } from './employees.js';
import { findFounding, type Founding } from './founding.js';
import { findPlaces, type PlaceFinding } from './places.js';

/** What a founder said about the company, as far as the eligibility rules care. */
export interface EligibilityFacts {
  places: PlaceFinding[];
  /** Age in whole years, from a founding year or a stated age. */
  founding?: Founding;
  size?: { kind: 'sme' | 'venture' | 'startup' | 'large'; said: string };
  field?: { kind: 'health' | 'ai' | 'other'; said: string };
  /** Headcount, which no eligibility rule uses: said so rather than ignored. */
  employees?: number;
}

const SIZE_PATTERNS: [NonNullable<EligibilityFacts['size']>['kind'], RegExp][] = [
  ['large', /대기업|중견기업|large (company|corporation|enterprise)|conglomerate|chaebol/i],
  ['venture', /벤처|venture/i],
  ['sme', /중소기업|\bsmes?\b|small (and|or) medium|small business/i],
  ['startup', /스타트업|startup|start-up|창업기업|신생\s*기업/i],
];

const FIELD_PATTERNS: [NonNullable<EligibilityFacts['field']>['kind'], RegExp][] = [
  ['health', /바이오|헬스|의료|보건|제약|진단|디지털\s*치료|의료기기|병원|임상|bio|health|medical|medtech|pharma|clinical|diagnos|therapeutic/i],
  ['ai', /\bai\b|인공지능|machine learning|딥러닝|머신러닝/i],
  ['other', /게임|핀테크|금융|쇼핑|커머스|부동산|식당|음식점|물류|fintech|e-?commerce|gaming|real estate|restaurant|logistics/i],
];

function firstKind<Kind extends string>(patterns: [Kind, RegExp][], text: string): { kind: Kind; said: string } | undefined {
  for (const [kind, pattern] of patterns) {
    const match = pattern.exec(text);
    if (match) return { kind, said: match[0] };
  }
  return undefined;
}

/** Pulls the eligibility-relevant facts out of free text; `today` is the Seoul date YYYY-MM-DD. */
export function extractEligibilityFacts(text: string, today: string): EligibilityFacts {
  const facts: EligibilityFacts = { places: findPlaces(text) };
  const founding = findFounding(text, today);
  if (founding) facts.founding = founding;
  const size = firstKind(SIZE_PATTERNS, text);
  if (size) facts.size = size;
  const field = firstKind(FIELD_PATTERNS, text);
  if (field) facts.field = field;
  const employees = findEmployees(text);
  if (employees !== undefined) facts.employees = employees;
  return facts;
}

export function hasAnyFact(facts: EligibilityFacts): boolean {
  return facts.places.length > 0 || facts.founding !== undefined || facts.size !== undefined || facts.employees !== undefined;
}
