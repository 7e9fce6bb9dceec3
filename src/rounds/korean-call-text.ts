/**
 * Reads dates and counts the way Korean calls write them: "2026. 3. 27.(금) 18:00까지",
 * "2026년 3월 27일", "10개 내외". Amounts ("최대 5천만원") are read by korean-numbers/amounts.ts,
 * the same reader the form uses. Each reader returns what it found with its position; deciding
 * what a mention means is call-facts.ts's job.
 */

export interface DateMention {
  /** YYYY-MM-DD */
  date: string;
  index: number;
  end: number;
}

// "2026. 3. 27.", "2026.03.27", "2026-03-27", "2026년 3월 27일"; the year may be left out after a first date ("~ 3. 27.").
const DATE = /(?:(\d{4})\s*(?:년|[.\-/])\s*)?(\d{1,2})\s*(?:월|[.\-/])\s*(\d{1,2})\s*(?:일|\.)?(?!\d)/g;

/** Every calendar date in a line; a date without a year takes the year of the date before it. */
export function findDates(line: string, fallbackYear?: number): DateMention[] {
  const mentions: DateMention[] = [];
  let year = fallbackYear;
  for (const match of line.matchAll(DATE)) {
    const [text, yearText, monthText, dayText] = match;
    // A bare "3. 27" needs a year from earlier in the line and must not be a time or a list number.
    if (!yearText && (year === undefined || !/[월.]/.test(text))) continue;
    if (!yearText && /^\d{1,2}\s*\.\s*\d{1,2}$/.test(text.trim())) continue;
    const thisYear = yearText ? Number(yearText) : year!;
    const month = Number(monthText);
    const day = Number(dayText);
    if (!isCalendarDate(thisYear, month, day)) continue;
    year = thisYear;
    mentions.push({ date: isoDate(thisYear, month, day), index: match.index, end: match.index + text.length });
  }
  return mentions;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface CountMention {
  count: number;
  index: number;
}

// "10개 내외", "10개사", "10개 기업", "기업 10곳", "10개 과제" — companies, not hospitals.
const COUNT = /(\d{1,3})\s*(?:개\s*(?:사|기업|과제|팀|내외|이내|안팎)|개사|곳|개\s*스타트업)/g;

export function findCounts(line: string): CountMention[] {
  const mentions: CountMention[] = [];
  for (const match of line.matchAll(COUNT)) {
    const after = line.slice(match.index + match[0].length, match.index + match[0].length + 8);
    if (/병원|기관|연구팀/.test(after)) continue;
    mentions.push({ count: Number(match[1]), index: match.index });
  }
  return mentions;
}

const FOUNDING_AGE = /(창업|업력|설립)[^\d\n]{0,12}(\d{1,2})\s*년\s*(이내|이하|미만)/;

/** "창업 7년 이내", "업력 7년 이하" → 7. */
export function findFoundingAgeLimit(line: string): number | undefined {
  const match = FOUNDING_AGE.exec(line);
  return match ? Number(match[2]) : undefined;
}
