import { findPlaces, type PlaceFinding } from './seoul-regions.js';

/** What a founder said about the company, as far as the eligibility rules care. */
export interface EligibilityFacts {
  places: PlaceFinding[];
  /** Age in whole years, from a founding year or a stated age. */
  founding?: { years: number; said: string; fromYear?: number };
  size?: { kind: 'sme' | 'venture' | 'startup' | 'large'; said: string };
  field?: { kind: 'health' | 'ai' | 'other'; said: string };
}

const FOUNDED_IN_YEAR = [
  /((?:19|20)\d{2})\s*년(?:도)?\s*(?:에\s*)?(?:설립|창업|창립|법인\s*설립|개업)/,
  /(?:설립|창업|창립)(?:\s*연도|\s*년도)?\s*(?:은|는|:)?\s*((?:19|20)\d{2})\s*년?/,
  /(?:founded|established|incorporated|started|set up)\s*(?:in\s*)?((?:19|20)\d{2})/i,
];
const AGE_IN_YEARS = [
  /(?:설립|창업|창립)(?:한\s*지|된\s*지|\s*후)?\s*(\d{1,2})\s*년/,
  /(?<!\d)(\d{1,2})\s*년\s*(?:차|된|째)/,
  /(?<!\d)(\d{1,2})[-\s]years?[-\s]old/i,
  /(?:founded|established|started)\s*(\d{1,2})\s*years?\s*ago/i,
  /(\d{1,2})\s*years?\s*(?:since|after)\s*(?:founding|incorporation)/i,
];

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

/** Pulls the eligibility-relevant facts out of free text; `today` is the Seoul date YYYY-MM-DD. */
export function extractEligibilityFacts(text: string, today: string): EligibilityFacts {
  const facts: EligibilityFacts = { places: findPlaces(text) };
  const currentYear = Number(today.slice(0, 4));
  for (const pattern of FOUNDED_IN_YEAR) {
    const match = pattern.exec(text);
    if (match) {
      const year = Number(match[1]);
      if (year <= currentYear) facts.founding = { years: currentYear - year, said: match[0].trim(), fromYear: year };
      break;
    }
  }
  if (!facts.founding) {
    for (const pattern of AGE_IN_YEARS) {
      const match = pattern.exec(text);
      if (match) {
        facts.founding = { years: Number(match[1]), said: match[0].trim() };
        break;
      }
    }
  }
  for (const [kind, pattern] of SIZE_PATTERNS) {
    const match = pattern.exec(text);
    if (match) {
      facts.size = { kind, said: match[0] };
      break;
    }
  }
  for (const [kind, pattern] of FIELD_PATTERNS) {
    const match = pattern.exec(text);
    if (match) {
      facts.field = { kind, said: match[0] };
      break;
    }
  }
  return facts;
}

export function hasAnyFact(facts: EligibilityFacts): boolean {
  return facts.places.length > 0 || facts.founding !== undefined || facts.size !== undefined;
}
