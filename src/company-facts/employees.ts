/** The number of employees a sentence states ("직원 12명", "12 employees"), or undefined. */
export function findEmployees(text: string): number | undefined {
  const korean = /(?:직원|임직원|구성원|인원|팀원)\s*(?:은|는|이|수)?\s*(?:(?:지금|현재|대략|약|총|한)\s*)*(\d[\d,]*)\s*명/.exec(text)
    ?? /(\d[\d,]*)\s*명의?\s*(?:직원|임직원|구성원|팀원)/.exec(text);
  const english = /(\d[\d,]*)\s*(?:employees|staff|people|members)/i.exec(text);
  const number = korean?.[1] ?? english?.[1];
  return number ? Number(number.replace(/,/g, '')) : undefined;
}
