import type { RankOptions } from '../src/matching/team-ranker.js';

/**
 * Needs written the way founders write them, by hand and before any tuning, without the
 * generated catalog's words: synonyms (뇌경색 for 뇌졸중, "irregular heartbeat" for arrhythmia),
 * lay terms and other modalities. One in three carries the filters staff use.
 */
export const PARAPHRASED_NEEDS: { need: string; options: RankOptions }[] = [
  { need: '뇌경색으로 응급실에 온 환자들의 머리 촬영 영상이 필요합니다', options: {} },
  { need: 'head scans of patients who had a brain attack, to validate a triage model', options: { type: 'imaging' } },
  { need: '불규칙한 심장 박동을 손목 기기로 잡아내는 알고리즘을 검증하려고 해요', options: {} },
  { need: 'irregular heartbeat recordings from a 12-lead machine', options: { minPatients: 20_000 } },
  { need: '기억력이 떨어진 어르신들의 뇌 자기공명 사진', options: {} },
  { need: 'memory loss in older adults, brain scans and follow-up notes', options: { region: '서울' } },
  { need: '폐에 생긴 종양을 흉부 단층촬영에서 찾는 인공지능', options: {} },
  { need: 'tumour tissue slides from the lungs for a digital pathology start-up', options: { type: 'pathology' } },
  { need: '혈당 조절이 안 되는 성인의 외래 진료 기록과 처방', options: {} },
  { need: 'blood sugar disease outpatient records with prescriptions', options: { cdm: true } },
  { need: '혈압이 높은 환자의 집에서 잰 생활 데이터', options: {} },
  { need: 'people with high blood pressure, home readings from wearables', options: { type: 'lifelog' } },
  { need: '가슴 멍울로 찍은 유방 엑스선 사진', options: {} },
  { need: 'mammograms with biopsy results for a screening tool', options: { region: '경기' } },
  { need: '숨이 차는 만성 폐 질환 환자의 호흡 기능과 입원 이력', options: {} },
  { need: 'chronic lung obstruction admissions and readmissions', options: { minPatients: 10_000 } },
  { need: '녹내장 같은 눈 질환의 안저 사진', options: {} },
  { need: 'eye pressure disease retinal photographs', options: { type: 'imaging', minPatients: 5_000 } },
  { need: '피가 감염된 중환자의 활력 징후 흐름', options: {} },
  { need: 'septic shock vital signs in intensive care, minute by minute', options: { type: 'biosignal' } },
  { need: '간에 생긴 암의 조영 CT와 수술 기록', options: {} },
  { need: 'liver tumour contrast scans before surgery', options: { region: '부산' } },
  { need: '마음이 우울한 청년의 상담 기록', options: {} },
  { need: 'low mood and anxiety questionnaires with treatment history', options: { cdm: true, minPatients: 2_000 } },
  { need: '콩팥 기능이 떨어진 환자의 투석 전후 검사 수치', options: {} },
  { need: 'kidney failure lab trends before dialysis', options: { type: 'emr' } },
  { need: '위에 생긴 암을 내시경으로 찾는 모델', options: {} },
  { need: 'stomach cancer endoscopy videos for lesion detection', options: { region: '서울', type: 'imaging' } },
  { need: '대장 용종과 암의 보험 청구 자료', options: {} },
  { need: 'bowel cancer insurance claims over ten years', options: { type: 'claims' } },
];
