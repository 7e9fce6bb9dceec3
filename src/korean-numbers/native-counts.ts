/**
 * Counts written in native Korean words, as founders say a head count: "열두 명", "스무 명",
 * "서른다섯", and the approximate pairs "두세", "서너", "열댓" (about fifteen). An approximate pair
 * counts as its upper number; the form shows what it recorded, so a founder can correct it.
 */
const TENS: Record<string, number> = { 열: 10, 스물: 20, 스무: 20, 서른: 30, 마흔: 40, 쉰: 50, 예순: 60, 일흔: 70, 여든: 80, 아흔: 90 };
const UNITS: Record<string, number> = {
  하나: 1, 한: 1, 둘: 2, 두: 2, 셋: 3, 세: 3, 석: 3, 서: 3, 넷: 4, 네: 4, 넉: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9,
  한두: 2, 두세: 3, 두서너: 4, 서너: 4, 너덧: 5, 네댓: 5, 너댓: 5, 댓: 5, 대여섯: 6, 예닐곱: 7, 일여덟: 8, 여남은: 11,
};
const longestFirst = (words: string[]) => [...words].sort((left, right) => right.length - left.length).join('|');
const NATIVE_COUNT = new RegExp(`^(${longestFirst(Object.keys(TENS))})?(${longestFirst(Object.keys(UNITS))})?$`);

/** "열댓" → 15, "스물다섯" → 25, "한" → 1; undefined for anything else. A leading "한 " is "about". */
export function parseNativeCount(written: string): number | undefined {
  const words = written.trim().replace(/^한\s+(?=\S)/, '').replace(/\s+/g, '');
  const match = NATIVE_COUNT.exec(words);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  return (match[1] ? TENS[match[1]]! : 0) + (match[2] ? UNITS[match[2]]! : 0);
}
