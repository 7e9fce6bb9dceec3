/**
 * The words that tell the matcher which data type, population, CDM wish or region a need (or
 * an asset) is about. Korean forms match anywhere, since particles attach directly (영상으로);
 * English forms match at a word start, and short ones (CT, ECG) only as whole words.
 */
export const DATA_TYPE_WORDS: Record<string, string[]> = {
  emr: ['emr', 'ehr', '전자의무기록', '의무기록', '진료기록', '진료 기록', 'medical record', 'clinical record', 'health record'],
  imaging: ['영상', '이미지', 'imaging', 'image', 'ct', 'mri', 'x-ray', 'x선', '엑스레이', '초음파', 'ultrasound', '유방촬영', 'mammogra', 'pet', 'radiograph', '내시경', 'endoscop', 'colonoscop', 'angiogra', '혈관조영'],
  biosignal: ['생체신호', 'biosignal', 'bio-signal', '심전도', 'ecg', 'ekg', '뇌파', 'eeg', '활력징후', 'vital sign', '산소포화도', 'spo2', 'waveform', '파형'],
  genomic: ['유전체', '유전자', 'genomic', 'genome', 'genetic', 'ngs', '시퀀싱', 'sequencing', 'exome', '엑솜', 'wgs', 'wes', '오믹스', 'omics'],
  pathology: ['병리', 'pathology', 'patholog', '슬라이드', 'slide', 'wsi', '조직검사', 'histolog', 'biopsy'],
  registry: ['레지스트리', 'registry', 'registries', '등록 데이터', '등록사업', '코호트', 'cohort'],
  lifelog: ['라이프로그', 'lifelog', 'life-log', '웨어러블', 'wearable', '스마트워치', 'smartwatch', '활동량', 'step count'],
  specialty_db: ['특화 db', '특화db', '특화 데이터베이스', 'specialty db', 'specialty database', 'disease-specific database'],
  cdm: ['cdm', 'omop', '공통데이터모델', '공통 데이터 모델', 'common data model'],
  claims: ['청구', 'claims', '건강보험', 'insurance'],
};

export const DATA_TYPE_LABELS: Record<string, { ko: string; en: string }> = {
  emr: { ko: '전자의무기록(EMR)', en: 'EMR' },
  imaging: { ko: '의료영상', en: 'imaging' },
  biosignal: { ko: '생체신호', en: 'biosignals' },
  genomic: { ko: '유전체', en: 'genomic data' },
  pathology: { ko: '병리', en: 'pathology' },
  registry: { ko: '레지스트리', en: 'registry' },
  lifelog: { ko: '라이프로그', en: 'lifelog' },
  specialty_db: { ko: '특화 DB', en: 'specialty database' },
  cdm: { ko: 'CDM', en: 'CDM' },
  claims: { ko: '청구 데이터', en: 'claims data' },
  other: { ko: '기타', en: 'other' },
};

/** Imaging and signal modalities: a need naming one prefers assets carrying the same one. */
export const MODALITY_WORDS: Record<string, string[]> = {
  // Not 단층촬영 alone: 빛간섭단층촬영 (OCT) and 양전자방출단층촬영 (PET) are tomography too.
  CT: ['ct', '전산화단층', 'computed tomography'],
  MRI: ['mri', '자기공명', 'magnetic resonance'],
  'X-ray': ['x-ray', 'x선', '엑스레이', 'radiograph', 'cxr'],
  초음파: ['초음파', 'ultrasound', 'sonograph', 'echocardiogra'],
  유방촬영: ['유방촬영', 'mammogra'],
  PET: ['pet', '양전자'],
  내시경: ['내시경', 'endoscop', 'colonoscop', 'gastroscop'],
  혈관조영: ['혈관조영', 'angiogra'],
  병리슬라이드: ['슬라이드', 'slide', 'wsi', '디지털 병리', 'digital pathology'],
  ECG: ['ecg', 'ekg', '심전도', 'electrocardiogra'],
  EEG: ['eeg', '뇌파', 'electroencephalogra'],
  활력징후: ['활력징후', 'vital sign', 'vitals', 'spo2', '산소포화도'],
  안저: ['안저', 'fundus', 'oct', '빛간섭'],
};

/**
 * Glossary entries filed under "disease" that name a treatment, an outcome or a grouping rather
 * than a disease. A need mentioning them ("재발 예측") still finds assets by similarity, but
 * they are not a disease a team must hold.
 */
export const NOT_A_DISEASE = new Set([
  'recurrence', 'chemotherapy', 'radiotherapy', 'surgery', 'treatment response', 'cancer stage', 'dialysis', 'metastasis', 'oesophagus',
  'comorbidity', 'complication', 'chronic disease', 'severe disease', 'rare disease', 'cardiopulmonary resuscitation', 'wound', 'pregnancy',
]);

/** Disease entries so broad that a need naming a specific disease as well ("폐결절 악성 종양") means the specific one. */
export const BROAD_DISEASES = new Set(['cancer', 'tumour', 'infectious disease', 'cardiovascular disease', 'liver disease', 'chronic disease']);

export const PAEDIATRIC_WORDS = ['소아', '어린이', '아동', '청소년', '신생아', '영아', '유아', 'pediatric', 'paediatric', 'child', 'adolescen', 'neonat', 'infant', 'kids'];
export const ADULT_WORDS = ['성인', 'adult'];

export const REGIONS: { ko: string; en: string[] }[] = [
  { ko: '서울', en: ['seoul'] },
  { ko: '경기', en: ['gyeonggi'] },
  { ko: '인천', en: ['incheon'] },
  { ko: '부산', en: ['busan', 'pusan'] },
  { ko: '대구', en: ['daegu'] },
  { ko: '광주', en: ['gwangju'] },
  { ko: '대전', en: ['daejeon'] },
  { ko: '울산', en: ['ulsan'] },
  { ko: '세종', en: ['sejong'] },
  { ko: '강원', en: ['gangwon'] },
  { ko: '충북', en: ['chungbuk', 'north chungcheong'] },
  { ko: '충남', en: ['chungnam', 'south chungcheong'] },
  { ko: '충청', en: ['chungcheong'] },
  { ko: '전북', en: ['jeonbuk', 'north jeolla'] },
  { ko: '전남', en: ['jeonnam', 'south jeolla'] },
  { ko: '전라', en: ['jeolla'] },
  { ko: '경북', en: ['gyeongbuk', 'north gyeongsang'] },
  { ko: '경남', en: ['gyeongnam', 'south gyeongsang'] },
  { ko: '경상', en: ['gyeongsang'] },
  { ko: '제주', en: ['jeju'] },
];

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
/** One test per form, made once: a need is checked against a hundred forms, and working out each form's rule every time was most of that. */
const matchers = new Map<string, (text: string) => boolean>();

/** Whether lowercased `text` mentions `form` (see the file comment for the rules). */
export function mentions(text: string, form: string): boolean {
  let matcher = matchers.get(form);
  if (!matcher) {
    matcher = matcherFor(form);
    matchers.set(form, matcher);
  }
  return matcher(text);
}

function matcherFor(form: string): (text: string) => boolean {
  if (HANGUL.test(form)) {
    const unspaced = form.replace(/ /g, '');
    return form.includes(' ') ? (text) => text.includes(form) || text.includes(unspaced) : (text) => text.includes(form);
  }
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const end = form.length <= 4 ? '(?:s|es)?(?![a-z0-9])' : '';
  const pattern = new RegExp(`(?<![a-z0-9])${escaped}${end}`);
  // The pattern can only match where the form itself occurs: a substring search rules out most
  // of the hundred forms at a fraction of a lookbehind regex's cost (same answers).
  return (text) => text.includes(form) && pattern.test(text);
}

export function mentionsAny(text: string, forms: string[]): boolean {
  for (const form of forms) if (mentions(text, form)) return true;
  return false;
}

const entriesOf = new WeakMap<Record<string, string[]>, [string, string[]][]>();

/** Keys of `words` whose forms the text mentions, in the table's order. */
export function mentionedKeys(text: string, words: Record<string, string[]>): string[] {
  let entries = entriesOf.get(words);
  if (!entries) entriesOf.set(words, (entries = Object.entries(words)));
  const keys: string[] = [];
  for (const [key, forms] of entries) if (mentionsAny(text, forms)) keys.push(key);
  return keys;
}

/** The Korean region name a value refers to (서울 for "Seoul" or "서울특별시"), or the value itself. */
export function normaliseRegion(value: string): string {
  const lowered = value.trim().toLowerCase();
  const region = REGIONS.find((candidate) => lowered.includes(candidate.ko) || candidate.en.some((name) => lowered.includes(name)));
  return region?.ko ?? value.trim();
}

export function regionLabel(region: string, language: 'ko' | 'en'): string {
  if (language === 'ko') return region;
  const known = REGIONS.find((candidate) => candidate.ko === region);
  return known ? known.en[0]!.replace(/^./, (letter) => letter.toUpperCase()) : region;
}
