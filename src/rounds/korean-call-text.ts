/**
 * Reads counts the way Korean calls write them: "10개 내외", "창업 7년 이내". Amounts ("최대 5천만원")
 * and calendar dates ("2026. 3. 27.(금)") are read by korean-numbers/amounts.ts and dates.ts, the
 * readers the form and Q&A use too. Each reader returns what it found with its position; deciding
 * what a mention means is call-facts.ts's job.
 */

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
