/**
 * The founding year and the company's age, read from what a founder wrote. Q&A's eligibility
 * check, the form's founding-year question and the plan validator all read them here, so
 * "2021년 3월에 설립" is 2021 everywhere.
 */
const YEAR = '((?:19|20)\\d{2})';
const FOUNDED_IN_YEAR = [
  // 2021년 설립 / 2021년 3월에 설립 / 2021년 3월 2일 창업 / 2021년도에 법인 설립
  new RegExp(`${YEAR}\\s*년?(?:도)?\\s*(?:에\\s*)?(?:\\d{1,2}\\s*월\\s*(?:에\\s*)?)?(?:\\d{1,2}\\s*일\\s*(?:에\\s*)?)?(?:설립|창업|창립|법인\\s*설립|법인\\s*(?:을\\s*)?만들|개업|세운|세웠|세워진|차린|차렸)`),
  // 설립연도는 2021년 / 창업: 2021
  new RegExp(`(?:설립|창업|창립)(?:\\s*연도|\\s*년도|\\s*일)?\\s*(?:은|는|:)?\\s*${YEAR}\\s*년?`),
  // founded in 2021 / established March 2021 / incorporated in Mar. 3, 2021 ("since" is left out: "data since 2015" is not a founding)
  new RegExp(`(?:founded|established|incorporated|started|set up)\\s*(?:in\\s+)?(?:[A-Za-z]+\\.?\\s+)?(?:\\d{1,2},?\\s+)?${YEAR}`, 'i'),
  // "we're a 2021 medtech startup": the year before the kind of company is when it began
  new RegExp(`\\b(?:an?|our)\\s+${YEAR}\\s+(?:[A-Za-z-]+\\s+){0,2}(?:startup|start-up|company|firm|sme|venture|corporation)\\b`, 'i'),
];
const AGE_IN_YEARS = [
  /(?:설립|창업|창립)(?:한\s*지|된\s*지|\s*후)?\s*(\d{1,2})\s*년/,
  /(?<!\d)(\d{1,2})\s*년\s*(?:차|된|째)/,
  /(?<!\d)(\d{1,2})[-\s]years?[-\s]old/i,
  /(?:founded|established|started)\s*(\d{1,2})\s*years?\s*ago/i,
  /(\d{1,2})\s*years?\s*(?:since|after)\s*(?:founding|incorporation)/i,
];

const HAS_DIGIT = /\d/;

/** The year a sentence says the company was founded in ("2021년 3월에 설립" → 2021), or undefined. */
export function findFoundedYear(text: string): number | undefined {
  return foundedYearMatch(text)?.year;
}

function foundedYearMatch(text: string): { year: number; said: string } | undefined {
  for (const pattern of FOUNDED_IN_YEAR) {
    const match = pattern.exec(text);
    if (match) return { year: Number(match[1]), said: match[0].trim() };
  }
  return undefined;
}

export interface Founding {
  /** Age in whole years (this year minus the founding year, or the age the text states). */
  years: number;
  said: string;
  fromYear?: number;
}

/** The company's age from a founding year or a stated age ("설립 3년 차"); `today` is YYYY-MM-DD. */
export function findFounding(text: string, today: string): Founding | undefined {
  const currentYear = Number(today.slice(0, 4));
  // Every pattern needs a digit (a year or an age): most questions have none, and are read for facts twice.
  const absolute = withAbsoluteYears(text, currentYear);
  const founded = HAS_DIGIT.test(absolute) ? foundedYearMatch(absolute) : undefined;
  if (founded) return founded.year <= currentYear ? { years: currentYear - founded.year, said: founded.said, fromYear: founded.year } : undefined;
  if (!HAS_DIGIT.test(text)) return undefined;
  for (const pattern of AGE_IN_YEARS) {
    const match = pattern.exec(text);
    if (match) return { years: Number(match[1]), said: match[0].trim() };
  }
  return undefined;
}

/** "작년 3월에 설립" read as "2025년 3월에 설립" when this year is 2026; the words stay as said otherwise. */
function withAbsoluteYears(text: string, currentYear: number): string {
  return text
    .replace(/재작년/g, `${currentYear - 2}년`)
    .replace(/작년|지난\s?해/g, `${currentYear - 1}년`)
    .replace(/올해|금년/g, `${currentYear}년`)
    .replace(/\blast year\b/gi, `${currentYear - 1}`)
    .replace(/\bthis year\b/gi, `${currentYear}`);
}

/** Any four-digit year, for an answer to the founding-year question itself ("2021", "2021년 3월"). */
export function findAnyYear(text: string): number | undefined {
  const match = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(text);
  return match ? Number(match[1]) : undefined;
}
