/**
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

export type PlaceFinding = { inSeoul: true; place: string } | { inSeoul: false; place: string };

/** Seoul institutions whose names contain 서울 but say nothing about where a company is. */
const NOT_A_LOCATION = /[가-힣]*서울[가-힣]*병원|서울(대|아산|성모|바이오허브)/g;

function mentions(text: string, lower: string, name: { ko: string; en: string }): boolean {
  if (text.includes(name.ko)) return true;
  return new RegExp(`\\b${name.en.toLowerCase().replace(/-/g, '[- ]?')}`).test(lower);
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
  for (const district of [...SEOUL_DISTRICTS, ...SEOUL_NEIGHBOURHOODS]) {
    // 중구 and 강서구 exist in other cities too; with another city named, it is that city's.
    if (mentions(cleaned, lower, district) && found.every((place) => place.inSeoul)) found.push({ inSeoul: true, place: district.ko });
  }
  if (/서울\s*(밖|외|이외|바깥)|outside (of )?seoul/i.test(cleaned)) found.push({ inSeoul: false, place: '서울 밖' });
  else if (/서울|seoul/i.test(cleaned) && !found.some((place) => place.inSeoul)) found.push({ inSeoul: true, place: '서울' });
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
