/**
 * The one list of places (issue 14): Q&A's eligibility check and the form's location question
 * both read it. Seoul's 25 districts are fixed by law, so they live here rather than in a file
 * staff edit.
 *
 * Place names a founder may give for the company's address. Seoul's 25 districts count as Seoul;
 * every other city or province does not. Romanised forms cover English questions.
 */
export const SEOUL_DISTRICTS: { ko: string; en: string }[] = [
  ['종로구', 'Jongno'], ['중구', 'Jung-gu'], ['용산구', 'Yongsan'], ['성동구', 'Seongdong'], ['광진구', 'Gwangjin'],
  ['동대문구', 'Dongdaemun'], ['중랑구', 'Jungnang'], ['성북구', 'Seongbuk'], ['강북구', 'Gangbuk'], ['도봉구', 'Dobong'],
  ['노원구', 'Nowon'], ['은평구', 'Eunpyeong'], ['서대문구', 'Seodaemun'], ['마포구', 'Mapo'], ['양천구', 'Yangcheon'],
  ['강서구', 'Gangseo'], ['구로구', 'Guro'], ['금천구', 'Geumcheon'], ['영등포구', 'Yeongdeungpo'], ['동작구', 'Dongjak'],
  ['관악구', 'Gwanak'], ['서초구', 'Seocho'], ['강남구', 'Gangnam'], ['송파구', 'Songpa'], ['강동구', 'Gangdong'],
].map(([ko, en]) => ({ ko: ko!, en: en! }));

/** Well-known Seoul neighbourhoods people name instead of the district. */
const SEOUL_NEIGHBOURHOODS: { ko: string; en: string }[] = [
  ['홍릉', 'Hongneung'], ['성수', 'Seongsu'], ['여의도', 'Yeouido'], ['테헤란로', 'Teheran-ro'], ['가산디지털', 'Gasan'],
  ['마곡', 'Magok'], ['역삼', 'Yeoksam'], ['삼성동', 'Samseong-dong'], ['을지로', 'Euljiro'],
].map(([ko, en]) => ({ ko: ko!, en: en! }));

/** Cities and provinces outside Seoul (and areas inside them that startups often name). */
export const OTHER_REGIONS: { ko: string; en: string }[] = [
  ['부산', 'Busan'], ['대구', 'Daegu'], ['인천', 'Incheon'], ['광주', 'Gwangju'], ['대전', 'Daejeon'], ['울산', 'Ulsan'],
  ['세종', 'Sejong'], ['경기', 'Gyeonggi'], ['강원', 'Gangwon'], ['충북', 'Chungbuk'], ['충청북도', 'North Chungcheong'],
  ['충남', 'Chungnam'], ['충청남도', 'South Chungcheong'], ['전북', 'Jeonbuk'], ['전라북도', 'North Jeolla'], ['전남', 'Jeonnam'],
  ['전라남도', 'South Jeolla'], ['경북', 'Gyeongbuk'], ['경상북도', 'North Gyeongsang'], ['경남', 'Gyeongnam'],
  ['경상남도', 'South Gyeongsang'], ['제주', 'Jeju'], ['판교', 'Pangyo'], ['성남', 'Seongnam'], ['분당', 'Bundang'],
  ['수원', 'Suwon'], ['용인', 'Yongin'], ['고양', 'Goyang'], ['일산', 'Ilsan'], ['안양', 'Anyang'], ['송도', 'Songdo'],
  ['오송', 'Osong'], ['원주', 'Wonju'], ['창원', 'Changwon'], ['포항', 'Pohang'], ['천안', 'Cheonan'], ['청주', 'Cheongju'],
  ['춘천', 'Chuncheon'], ['전주', 'Jeonju'], ['하남', 'Hanam'], ['과천', 'Gwacheon'], ['부천', 'Bucheon'], ['화성', 'Hwaseong'],
].map(([ko, en]) => ({ ko: ko!, en: en! }));

/** Districts, then neighbourhoods: the order findPlaces checks Seoul's places in. */
const SEOUL_PLACES = [...SEOUL_DISTRICTS, ...SEOUL_NEIGHBOURHOODS];

export type PlaceFinding = { inSeoul: true; place: string } | { inSeoul: false; place: string };

const SEOUL = { ko: '서울', en: 'Seoul' };

/** Seoul institutions whose names contain 서울 but say nothing about where a company is. */
const NOT_A_LOCATION = /[가-힣]*서울[가-힣]*병원|서울(대|아산|성모|바이오허브)/g;

/**
 * A district may be named without 구 ("성동에 있어요"); the bare stem only counts before a
 * particle or a non-Korean character, so "동작하는" and "관악기" are not places.
 */
const AFTER_STEM = '(?:$|[^가-힣]|에|의|이|은|는|도|쪽|역|동|구|디지털|대로|로)';

/** The words in `text` that name `name` (Korean, stem or romanised), or undefined. */
function namedAs(text: string, lower: string, name: { ko: string; en: string }): string | undefined {
  if (text.includes(name.ko)) return name.ko;
  const { stem, stemText, roman, romanStart } = patternsOf(name);
  // A pattern is only run where the words it starts with occur (most questions name no place at all).
  const stemFound = stem && text.includes(stemText!) ? stem.exec(text) : null;
  if (stemFound) return stemFound[0];
  const romanFound = lower.includes(romanStart) ? roman.exec(lower) : null;
  return romanFound ? text.slice(romanFound.index, romanFound.index + romanFound[0].length) : undefined;
}

interface PlacePatterns {
  stem?: RegExp;
  /** The district's name without 구: the stem pattern's text before its lookahead. */
  stemText?: string;
  roman: RegExp;
  /** The romanised name up to its first hyphen: text every match of `roman` contains. */
  romanStart: string;
}

/**
 * Each name's patterns, compiled once: every message checks about a hundred places (no `g` flag,
 * so reuse is stateless). A property on the place object, not a WeakMap lookup for each place.
 */
const PATTERNS = Symbol('place patterns');
type Place = { ko: string; en: string; [PATTERNS]?: PlacePatterns };

function patternsOf(name: Place): PlacePatterns {
  let patterns = name[PATTERNS];
  if (!patterns) {
    const stemText = name.ko.endsWith('구') && name.ko.length > 2 ? name.ko.slice(0, -1) : undefined;
    const roman = name.en.toLowerCase();
    patterns = {
      stem: stemText === undefined ? undefined : new RegExp(`${stemText}(?=${AFTER_STEM})`),
      stemText,
      roman: new RegExp(`\\b${roman.replace(/-/g, '[- ]?')}`),
      romanStart: roman.split('-')[0]!,
    };
    // Not enumerable: the place lists are exported, and a copy or comparison of a place must not see it.
    Object.defineProperty(name, PATTERNS, { value: patterns });
  }
  return patterns;
}

/** The company's place when the text names it other than as a hospital's ("부산대병원", "a hospital in Busan"). */
function mentions(text: string, lower: string, name: { ko: string; en: string }): boolean {
  const said = namedAs(text, lower, name);
  return said !== undefined && somewhereNotAHospital(lower, said.toLowerCase());
}

// After a place: "대병원", " 병원", "에 있는 병원", " 지역 대학병원", " National University Hospital", "-based hospital".
const HOSPITAL_AFTER = /^(?:\s*(?:에\s*있는|지역의?|쪽|의))?\s*[가-힣]{0,6}병원|^(?:-based)?\s+(?:(?:national|university|medical|metropolitan|city|general)\s+){0,3}hospitals?\b/;
// Before it: "a hospital in", "hospitals at".
const HOSPITAL_BEFORE = /hospitals?\s+(?:in|at|from|near)\s+$/;

/**
 * A place named only as a hospital's ("Can a hospital in Busan join?", "부산에 있는 병원도 되나요")
 * says where the partner is, not the company: a later eligibility check must not find the
 * company outside Seoul because of it. Any other mention of the same place counts.
 */
function somewhereNotAHospital(lower: string, said: string): boolean {
  for (let at = lower.indexOf(said); at >= 0; at = lower.indexOf(said, at + 1)) {
    if (!HOSPITAL_AFTER.test(lower.slice(at + said.length)) && !HOSPITAL_BEFORE.test(lower.slice(0, at))) return true;
  }
  return false;
}

/**
 * Every place the text names, marked in or outside Seoul. "본사는 경기도인데 서울에 연구소"
 * gives both, and the eligibility check reports that mix as something to confirm.
 */
export function findPlaces(text: string): PlaceFinding[] {
  const cleaned = text.replace(NOT_A_LOCATION, '');
  const lower = cleaned.toLowerCase();
  const found: PlaceFinding[] = [];
  for (const region of OTHER_REGIONS) if (mentions(cleaned, lower, region)) found.push({ inSeoul: false, place: region.ko });
  for (const district of SEOUL_PLACES) {
    // 중구 and 강서구 exist in other cities too; with another city named, it is that city's.
    if (mentions(cleaned, lower, district) && found.every((place) => place.inSeoul)) found.push({ inSeoul: true, place: district.ko });
  }
  if (/서울\s*(밖|외|이외|바깥)|outside (of )?seoul/i.test(cleaned)) found.push({ inSeoul: false, place: '서울 밖' });
  else if (mentions(cleaned, lower, SEOUL) && !found.some((place) => place.inSeoul)) found.push({ inSeoul: true, place: '서울' });
  return found;
}

/** A place as an English answer names it: "마포구" → "Mapo-gu", "판교" → "Pangyo". */
export function placeInEnglish(place: string): string {
  if (place === '서울') return 'Seoul';
  if (place === '서울 밖') return 'outside Seoul';
  const district = SEOUL_DISTRICTS.find((candidate) => candidate.ko === place);
  if (district) return district.en.includes('-') ? district.en : `${district.en}-gu`;
  return [...SEOUL_NEIGHBOURHOODS, ...OTHER_REGIONS].find((candidate) => candidate.ko === place)?.en ?? place;
}

/** True when the text places the company in Seoul and nowhere else: eligibility-rules.ts's `in_seoul`. */
export function isInSeoul(location: string): boolean {
  const places = findPlaces(location);
  return places.length > 0 && places.every((place) => place.inSeoul);
}

/**
 * The location as the form stores it: "성동구에 있는 …" → "서울 성동구", "Mapo" → "Mapo-gu, Seoul",
 * "판교에 있어요" → "판교"; undefined when the text names no place.
 */
export function findLocation(text: string): string | undefined {
  const cleaned = text.replace(NOT_A_LOCATION, '');
  const lower = cleaned.toLowerCase();
  const places = findPlaces(text);
  const outside = places.find((place) => !place.inSeoul);
  if (outside) {
    const region = [...OTHER_REGIONS].find((candidate) => candidate.ko === outside.place);
    const said = region ? namedAs(cleaned, lower, region) : /서울\s*(밖|외|이외|바깥)|outside (of )?seoul/i.exec(cleaned)?.[0];
    if (!said) return outside.place;
    // Keep the rest of the place phrase: "경기도 성남시", "Seongnam-si".
    const phrase = new RegExp(`${said}[^\\s,.]*(\\s+[^\\s,.]+?[시군구])?`).exec(cleaned);
    return (phrase?.[0] ?? said).replace(/(에|에서|에\s*있는)$/, '');
  }
  const seoul = places.find((place) => place.inSeoul && place.place !== '서울');
  if (seoul) {
    const name = [...SEOUL_DISTRICTS, ...SEOUL_NEIGHBOURHOODS].find((candidate) => candidate.ko === seoul.place)!;
    if (/[가-힣]/.test(namedAs(cleaned, lower, name) ?? '')) return `서울 ${name.ko}`;
    return `${placeInEnglish(name.ko)}, Seoul`;
  }
  if (places.length === 0) return undefined;
  return /seoul/i.test(cleaned) && !/서울/.test(cleaned) ? 'Seoul' : '서울';
}
