import type { RetrievableDocument } from '../../src/retrieval/retrievable-document.js';

/** A handful of knowledge-base-like sections, Korean and English, written for these tests. */
export const knowledgeChunks: RetrievableDocument[] = [
  {
    id: 'privacy/pseudonymised-data',
    text: '가명정보 처리: 통계 작성, 과학적 연구, 공익적 기록 보존을 위해서는 정보주체의 동의 없이도 가명정보를 처리할 수 있습니다. 재식별 키는 분리해서 보관해야 합니다.',
    metadata: { file: 'privacy.md', heading: '가명정보' },
  },
  {
    id: 'program/deadline',
    text: '신청 마감: 의료데이터 활용연구 계획서를 서울바이오허브 누리집에서 2025년 4월 28일까지 제출합니다.',
    metadata: { file: 'program.md', heading: '신청 방법' },
  },
  {
    id: 'program/funding',
    text: '지원 규모: 선정된 기업은 최대 5천만 원(50,000,000원)의 사업화 지원금을 받으며 데이터 가공, 전문가 자문, 법률 자문에 쓸 수 있습니다.',
    metadata: { file: 'program.md', heading: '지원 내용' },
  },
  {
    id: 'hospitals/review-board',
    text: 'Each hospital runs a data review board (DRB) and grants access only inside a closed analysis environment; the data never leaves the hospital.',
    metadata: { file: 'hospitals.md', heading: 'Data review' },
  },
  {
    id: 'hospitals/cdm',
    text: 'Consortium hospitals convert their clinical records to a common data model (CDM) so that one query runs across institutions.',
    metadata: { file: 'hospitals.md', heading: 'Common data model' },
  },
  {
    id: 'eligibility/startups',
    text: '신청 자격: 서울에 소재한 창업 10년 이내의 보건의료 분야 중소기업 또는 벤처기업이 신청할 수 있습니다.',
    metadata: { file: 'eligibility.md', heading: '신청 자격' },
  },
];
