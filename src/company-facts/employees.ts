import { parseNativeCount } from '../korean-numbers/native-counts.js';

// "직원 12명", "직원이 열댓명", "인원은 지금 한 스무 명": digits, or a count in native Korean words.
const KOREAN = /(?:직원|임직원|구성원|인원|팀원)\s*(?:은|는|이|수)?\s*(?:(?:지금|현재|대략|약|총|한)\s*)*(\d[\d,]*|[가-힣]{1,5})\s*명/;
const KOREAN_BEFORE = /(\d[\d,]*)\s*명의?\s*(?:직원|임직원|구성원|팀원)/;
const ENGLISH = /(\d[\d,]*)\s*(?:employees|staff|people|members)/i;

/** The number of employees a sentence states ("직원 12명", "직원이 열댓명", "12 employees"), or undefined. */
export function findEmployees(text: string): number | undefined {
  const written = KOREAN.exec(text)?.[1] ?? KOREAN_BEFORE.exec(text)?.[1] ?? ENGLISH.exec(text)?.[1];
  if (written === undefined) return undefined;
  return /\d/.test(written) ? Number(written.replace(/,/g, '')) : parseNativeCount(written);
}
