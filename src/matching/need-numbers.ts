import { findYearRange } from '../korean-numbers/data-years.js';
import { text } from '../messages/messages.js';
/**
 * Numbers in a need or an asset: the period wished for ("2015년 이후", "2018–2023", "최근 5년",
 * "10 years of data") or covered ("2012-2023", "2016–현재"). The minimum number of patients is
 * read by korean-numbers/patient-counts.ts, shared with the form.
 */
export const CDM_WORDS_OF_NEED = ['cdm', 'omop', '공통데이터모델', '공통 데이터 모델', 'common data model'];

export interface PeriodWish {
  /** Data needed from this year on. */
  from?: number;
  /** Data needed up to this year. */
  to?: number;
  /** At least this many years of data. */
  years?: number;
}

export interface PeriodCovered {
  from: number;
  to: number;
}

export function parsePeriodWish(text: string, currentYear: number): PeriodWish | undefined {
  const lowered = text.toLowerCase();
  const range = findYearRange(lowered);
  if (range) return range;
  const since = lowered.match(/((?:19|20)\d{2})\s*년?\s*(?:이후|부터|以後)|(?:since|from|after)\s+((?:19|20)\d{2})/);
  if (since) return { from: Number(since[1] ?? since[2]) };
  const recent = lowered.match(/최근\s*(\d{1,2})\s*년|(?:last|past|recent)\s+(\d{1,2})\s+years/);
  if (recent) return { from: currentYear - Number(recent[1] ?? recent[2]) };
  const years = lowered.match(/(?<!\d)(\d{1,2})\s*년\s*(?:이상|치|간)|(\d{1,2})\s*\+?\s*years?\s+(?:of|or more)|at least\s+(\d{1,2})\s+years/);
  if (years) return { years: Number(years[1] ?? years[2] ?? years[3]) };
  return undefined;
}

/** The years an asset's period string covers; "현재"/"present" or a missing end means this year. */
export function parsePeriodCovered(period: string | undefined, currentYear: number): PeriodCovered | undefined {
  if (!period) return undefined;
  const years = [...period.matchAll(/(?:19|20)\d{2}/g)].map((match) => Number(match[0]));
  if (years.length === 0) return undefined;
  const from = years[0]!;
  const to = years.length > 1 ? years[years.length - 1]! : /현재|present|now|ongoing|진행/.test(period.toLowerCase()) || /[-–~]\s*$/.test(period) ? currentYear : from;
  return { from, to };
}

/** Whether a covered period satisfies a wish; a wish for a range needs the range covered. */
export function periodSatisfies(covered: PeriodCovered, wish: PeriodWish): boolean {
  if (wish.from !== undefined && wish.to !== undefined) return covered.from <= wish.from && covered.to >= wish.to;
  if (wish.from !== undefined && covered.to < wish.from) return false;
  if (wish.years !== undefined && covered.to - covered.from + 1 < wish.years) return false;
  return true;
}

export function describePeriodWish(wish: PeriodWish, language: 'ko' | 'en'): string {
  if (wish.from !== undefined && wish.to !== undefined) return `${wish.from}–${wish.to}`;
  if (wish.from !== undefined) return text(language, 'matching.periodSince', { year: wish.from });
  return text(language, 'matching.periodYears', { years: String(wish.years) });
}
