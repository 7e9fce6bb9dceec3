/**
 * Spans of data years, as a need, an asset or a form answer writes them: "2019~2023년",
 * "2018–2023", "2015년부터 2020년", "2016 to 2021". Kept apart from dates.ts on purpose: these are
 * whole years of records a hospital holds, never a day on the calendar, so "2019.3" is not one.
 * Open-ended wishes ("2015년 이후", "최근 5년") stay with matching, their only reader.
 */

export interface YearRange {
  from: number;
  to: number;
}

const YEAR_RANGE = /((?:19|20)\d{2})\s*년?\s*(?:-|–|~|부터|to|through)\s*((?:19|20)\d{2})/i;

/** The first span of years in a text, e.g. "CT 2019~2023년" → 2019 to 2023. */
export function findYearRange(text: string): YearRange | undefined {
  const match = YEAR_RANGE.exec(text);
  return match ? { from: Number(match[1]), to: Number(match[2]) } : undefined;
}
