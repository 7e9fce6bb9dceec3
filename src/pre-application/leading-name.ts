import { replaceEmailAddresses } from '../privacy/index.js';
import { findLocation } from '../company-facts/places.js';
import { findEmployees } from '../company-facts/employees.js';
import { findFoundedYear } from '../company-facts/founding.js';

/** Where a name ends in a packed answer: a comma, or the clause that says something else. */
const CLAUSE_END = /[,，;]|(?:이)?라는\s*(?:회사|기업|스타트업)(?:이고|이며|인데요|인데|이구요|고|예요|이에요|입니다)?(?=[\s,.]|$)|\s+(?:we['’]re|we are|located|based|founded|established|incorporated|since|with)\b|(?:이고요|이고|이며|이구요|인데요|인데|고요|이에요|예요|입니다|이요)(?=[\s,.]|$)|(?<=[가-힣])\.(?=\s|$)/i;
const LEAD = /^(?:저희는|저희\s*회사는|우리\s*회사는|회사명은|회사\s*이름은|상호는|저는|제\s*이름은|담당자는|we\s+are|we['’]re|our\s+company\s+is|the\s+company\s+is|company\s+name\s+is|it['’]s|my\s+name\s+is|i\s+am|i['’]m)\s*/i;
/** "판독하는 회사 '루멘'": a quoted name is the name, whatever describes it. */
const QUOTED_NAME = /(?:^|\s)['‘"“「『]([^'‘’"“”」』\n]{1,40})['’"”」』](?=$|[\s,.]|[가-힣])/;
/** "흉부 X-ray를 판독하는 스타트업 루멘": what the company does, then the word for company, then the name. */
const DESCRIBED_NAME = /(?:는|인|한)\s+(?:회사|기업|스타트업|벤처)\s+(\S.*)$/;
const TAIL = /(?:(?:이)?라는\s*회사|(?:이)?라고\s*(?:합니다|해요)|입니다|이에요|예요|이요)$/;

/**
 * The name at the head of a packed answer: "RetinaLab Inc., we're in Gangnam-gu, founded
 * 2019" → "RetinaLab Inc."; "저희는 메디랩이라는 회사고 강남구에 있어요" → "메디랩";
 * "김잇다, itda@example.com" → "김잇다". Undefined when the first
 * clause is itself a fact (a place, a year), so the user is asked for the name alone.
 */
export function leadingName(text: string): string | undefined {
  const withoutEmail = replaceEmailAddresses(text, ' ').replace(/\s+/g, ' ').trim();
  const first = withoutEmail.split(CLAUSE_END)[0] ?? '';
  const clause = first.trim().replace(LEAD, '').replace(TAIL, '');
  const named = QUOTED_NAME.exec(clause)?.[1] ?? DESCRIBED_NAME.exec(clause)?.[1] ?? clause;
  const name = named.replace(/^[\s,:-]+|[\s,:;-]+$/g, '').trim();
  if (name === '') return undefined;
  if (findLocation(name) !== undefined || findFoundedYear(name) !== undefined || findEmployees(name) !== undefined) return undefined;
  return name;
}
