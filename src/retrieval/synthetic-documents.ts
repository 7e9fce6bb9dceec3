import type { RetrievableDocument } from './retrievable-document.js';

/**
 * Reproducible asset-like documents for recall tests and timing runs: about 40 words each,
 * Korean nouns with particles mixed with English terms, drawn with a Zipf-like skew.
 */
const KOREAN_NOUNS =
  '가명정보 의료데이터 영상 병리 유전체 심전도 진료기록 처방 검사결과 환자 병원 연구 공동연구 스타트업 인공지능 분석 모델 학습 데이터셋 익명화 심사 위원회 보안 반출 결합 폐암 유방암 당뇨 고혈압 뇌졸중 치매 소아 응급 수술 마취 간호 약물 부작용 임상 코호트 추적 관찰 생체신호 웨어러블 수면 재활 정신건강 우울증 피부 안과 치과 신장 간 심장 혈액 면역 감염 백신 영양 비만 통증 척추 관절 골절 초음파 내시경 자기공명 단층촬영 판독 자동화 예측 진단 분류 분할 검출 요약 번역 음성 텍스트 표준화 품질 라벨링 정제 연계 플랫폼 클라우드 서울 강남 종로 성북 서대문 송파 노원 구로'.split(' ');
const PARTICLES = ['', '', '', '은', '는', '이', '가', '을', '를', '의', '에서', '으로', '와', '과'];
const ENGLISH_WORDS =
  'CT MRI X-ray pathology genome ECG EMR OMOP FHIR DICOM cohort imaging deep learning model dataset pseudonymized anonymized consent IRB oncology cardiology radiology neurology pediatrics dermatology ophthalmology wearable sensor signal sleep rehabilitation mental health diabetes hypertension stroke dementia cancer lung breast liver kidney heart blood immune infection vaccine nutrition obesity pain spine joint fracture ultrasound endoscopy segmentation detection classification prediction summarization speech text labeling quality cloud platform Seoul hospital startup'.split(' ');

export function syntheticDocuments(count: number, seed = 7): RetrievableDocument[] {
  const random = seededRandom(seed);
  const documents: RetrievableDocument[] = [];
  for (let index = 0; index < count; index += 1) {
    const words: string[] = [];
    const length = 34 + Math.floor(random() * 12);
    for (let word = 0; word < length; word += 1) {
      if (random() < 0.65) words.push(pickSkewed(KOREAN_NOUNS, random) + PARTICLES[Math.floor(random() * PARTICLES.length)]);
      else words.push(pickSkewed(ENGLISH_WORDS, random));
    }
    documents.push({ id: `asset-${String(index).padStart(6, '0')}`, text: words.join(' '), metadata: { hospital: `H${index % 40}` } });
  }
  return documents;
}

/** Short queries in the same vocabulary, e.g. "폐암 CT 분할 모델". */
export function syntheticQueries(count: number, seed = 11): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
      random() < 0.6 ? pickSkewed(KOREAN_NOUNS, random) : pickSkewed(ENGLISH_WORDS, random),
    );
    return words.join(' ');
  });
}

function pickSkewed<T>(items: T[], random: () => number): T {
  return items[Math.floor(items.length * random() ** 1.6)]!;
}

/** mulberry32: tiny, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
