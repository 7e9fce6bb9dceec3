import type { PlaceFinding } from './places.js';

/**
 * The two rules Q&A and the form both judge, decided once: where the company is, and how old
 * it is. Each caller words the outcome its own way; the verdict itself cannot differ.
 */
export type LocationOutcome = 'in_seoul' | 'outside_seoul' | 'both' | 'not_given';

export function locationOutcome(places: readonly PlaceFinding[]): LocationOutcome {
  const inSeoul = places.some((place) => place.inSeoul);
  const outside = places.some((place) => !place.inSeoul);
  if (inSeoul && outside) return 'both';
  if (inSeoul) return 'in_seoul';
  return outside ? 'outside_seoul' : 'not_given';
}

/** `boundary`: exactly the limit in calendar years, so the registered founding date decides. */
export type AgeOutcome = 'within' | 'boundary' | 'over';

export function companyAgeOutcome(years: number, maxYearsSinceFounding: number): AgeOutcome {
  if (years > maxYearsSinceFounding) return 'over';
  return years === maxYearsSinceFounding ? 'boundary' : 'within';
}

/** Calendar years between the founding year and `now` (the program's pinned "today"). */
export function yearsSinceFounding(foundedYear: number, now: Date): number {
  return now.getFullYear() - foundedYear;
}
