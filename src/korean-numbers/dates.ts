/**
 * The one reader of calendar dates written in Korean or numeric style: "2026년 3월 27일",
 * "2026. 3. 27.(금)", "2026.03.27", "2026-03-27", and "~ 3. 27." after a dated first day.
 * Returns ISO days (YYYY-MM-DD). Years of data ("2019~2023년", "최근 5년") are a different thing,
 * a span of whole years rather than a day, and are read by data-years.ts.
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
