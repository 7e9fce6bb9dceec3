import type { Language } from '../conversation/reply.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { text } from '../messages/messages.js';

/**
 * Eligibility warnings while the form is filled. They name the rule from program.yaml and
 * never block: a founder moving to Seoul may still want to draft, and staff decide.
 */
const SEOUL_DISTRICTS: [string, string][] = [
  ['종로구', 'Jongno'], ['중구', 'Jung-gu'], ['용산구', 'Yongsan'], ['성동구', 'Seongdong'], ['광진구', 'Gwangjin'],
  ['동대문구', 'Dongdaemun'], ['중랑구', 'Jungnang'], ['성북구', 'Seongbuk'], ['강북구', 'Gangbuk'], ['도봉구', 'Dobong'],
  ['노원구', 'Nowon'], ['은평구', 'Eunpyeong'], ['서대문구', 'Seodaemun'], ['마포구', 'Mapo'], ['양천구', 'Yangcheon'],
  ['강서구', 'Gangseo'], ['구로구', 'Guro'], ['금천구', 'Geumcheon'], ['영등포구', 'Yeongdeungpo'], ['동작구', 'Dongjak'],
  ['관악구', 'Gwanak'], ['서초구', 'Seocho'], ['강남구', 'Gangnam'], ['송파구', 'Songpa'], ['강동구', 'Gangdong'],
];
const OTHER_REGIONS =
  /(경기도?|인천|부산|대구|광주광역시|대전|울산|세종|강원|충청|충북|충남|전라|전북|전남|경상|경북|경남|제주|성남|판교|수원|용인|고양|안양|부천|화성|Gyeonggi|Incheon|Busan|Daegu|Gwangju|Daejeon|Ulsan|Sejong|Jeju|Seongnam|Pangyo|Suwon)/i;

/** A location phrase in free text ("성동구에 있는 …" → "서울 성동구"), or undefined. */
export function findLocation(text: string): string | undefined {
  const other = OTHER_REGIONS.exec(text);
  const seoulWord = /(서울(?:특별)?시?|Seoul)/i.exec(text);
  for (const [korean, roman] of SEOUL_DISTRICTS) {
    const stem = korean.length > 2 ? korean.slice(0, -1) : korean;
    if (text.includes(stem) && !other) return `서울 ${korean}`;
    if (new RegExp(`\\b${roman}(-gu)?\\b`, 'i').test(text) && !other) return `${roman}${roman.endsWith('-gu') ? '' : '-gu'}, Seoul`;
  }
  if (seoulWord && !other) return /Seoul/i.test(seoulWord[0]) ? 'Seoul' : '서울';
  if (other) {
    const phrase = new RegExp(`${other[0]}[^\\s,.]*(\\s+[^\\s,.]+?[시군구])?`).exec(text);
    return phrase?.[0].replace(/(에|에서|에\s*있는)$/, '');
  }
  return undefined;
}

export function isInSeoul(location: string): boolean {
  if (OTHER_REGIONS.test(location)) return false;
  return /서울|Seoul/i.test(location) || SEOUL_DISTRICTS.some(([korean, roman]) => location.includes(korean) || new RegExp(`\\b${roman}\\b`, 'i').test(location));
}

export function locationWarning(location: string, facts: ProgramFacts, language: Language): string | undefined {
  if (isInSeoul(location)) return undefined;
  const rule = facts.eligibility.location[language];
  return text(language, 'form.locationWarning', { rule, location });
}

export function foundedYearWarning(year: number, facts: ProgramFacts, now: Date, language: Language): string | undefined {
  const maxYears = facts.eligibility.max_years_since_founding;
  const age = now.getFullYear() - year;
  if (age <= maxYears) return undefined;
  return text(language, 'form.foundedYearWarning', { maxYears, year, age });
}
