const CLAUSE_BREAK = /(?<=[.;。\n])|(?<=이며|이고|,)\s/;
const NEGATION = /포함하지 않|포함되지 않|미포함|(?:정보|데이터|자료)(?:는|은)? 없|not included|does not include|doesn't include|excludes|without /i;

/**
 * The description without the clauses that say what the asset lacks ("영상 원본은 포함하지
 * 않음", "항암치료 정보는 없음"): otherwise a need for imaging would be drawn to the very asset
 * that says it has none.
 */
export function withoutNegatedClauses(description: string): string {
  return description
    .split(CLAUSE_BREAK)
    .filter((clause) => !NEGATION.test(clause))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
