/**
 * The one reader of a minimum number of patients, for a matching need and a form data-need answer
 * alike: "5,000명 이상", "환자 1만 명", "3천명", "12,000 patients", "at least 5,000", "2k cases".
 * The largest count written wins; years ("10 years") are not counts.
 */
const NUMBER = '(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)';

export function parsePatientMinimum(text: string): number | undefined {
  const lowered = text.toLowerCase();
  const found: number[] = [];
  const add = (value: string, multiplier = 1) => {
    const number = Number(value.replace(/,/g, '')) * multiplier;
    if (Number.isFinite(number) && number > 0) found.push(Math.round(number));
  };
  for (const match of lowered.matchAll(new RegExp(`${NUMBER}\\s*만\\s*(?:명|건|례)?`, 'g'))) add(match[1]!, 10_000);
  for (const match of lowered.matchAll(new RegExp(`${NUMBER}\\s*천\\s*(?:명|건|례)`, 'g'))) add(match[1]!, 1_000);
  for (const match of lowered.matchAll(new RegExp(`${NUMBER}\\s*(?:명|례)`, 'g'))) add(match[1]!);
  for (const match of lowered.matchAll(new RegExp(`${NUMBER}\\s*(k)?\\+?\\s*(?:patients|cases|subjects|participants|people|individuals)`, 'g'))) {
    add(match[1]!, match[2] ? 1_000 : 1);
  }
  for (const match of lowered.matchAll(new RegExp(`(?:at least|more than|over|≥|>=)\\s*${NUMBER}(?!\\s*(?:years?|년|\\d))`, 'g'))) add(match[1]!);
  return found.length > 0 ? Math.max(...found) : undefined;
}
