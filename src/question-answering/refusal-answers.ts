import type { Language } from '../conversation/reply.js';

/**
 * The fixed replies for questions Itda does not answer from the documents. Each says what Itda
 * can do instead, so a refusal still moves the founder forward.
 */
const WHAT_ITDA_DOES = {
  ko: '잇다는 의료데이터 중심병원-스타트업 공동연구 프로젝트(지원 자격, 마감, 지원금, 병원 데이터, 가명정보·DRB·IRB 규정)에 대한 질문에 출처와 함께 답하고, 연구계획서 초안(`/itda apply`)과 병원 연구팀 찾기(`/itda match`)를 돕습니다.',
  en: 'Itda answers questions about the hospital–startup medical-data joint research project (eligibility, deadlines, the grant, hospital data, pseudonymised data, DRB and IRB rules) with sources, and helps you draft the research plan (`/itda apply`) and find a hospital team (`/itda match`).',
};

export function outOfScopeAnswer(language: Language): string {
  return language === 'ko'
    ? `그 질문은 잇다가 도울 수 있는 범위 밖입니다.\n${WHAT_ITDA_DOES.ko}`
    : `That is outside what Itda can help with.\n${WHAT_ITDA_DOES.en}`;
}

export function medicalAdviceAnswer(language: Language, emergency: boolean): string {
  if (language === 'ko') {
    return [
      '죄송하지만 잇다는 진단, 치료, 약 복용 같은 의료 상담을 할 수 없습니다. 증상은 의사나 약사 등 의료 전문가와 상의해 주세요.',
      `• ${emergency ? '가슴 통증처럼 위급할 수 있는 증상이면 지금 바로 119에 연락하세요.' : '응급 상황이면 119에 연락하세요.'}`,
      `• ${WHAT_ITDA_DOES.ko}`,
    ].join('\n');
  }
  return [
    'Sorry, Itda cannot give medical advice (diagnosis, treatment or medicines). Please talk to a doctor, pharmacist or other clinician.',
    `• ${emergency ? 'If this could be an emergency (such as chest pain), call 119 now.' : 'In an emergency, call 119.'}`,
    `• ${WHAT_ITDA_DOES.en}`,
  ].join('\n');
}

export function injectionAnswer(language: Language): string {
  return language === 'ko'
    ? `죄송하지만 그 요청은 도와드릴 수 없습니다. 잇다의 설정이나 내부 지시는 공개하지 않습니다.\n${WHAT_ITDA_DOES.ko}`
    : `Sorry, I can't help with that request; Itda does not share its settings or internal instructions.\n${WHAT_ITDA_DOES.en}`;
}

export function noSourceAnswer(language: Language, contact: string): string {
  return language === 'ko'
    ? [
        '사업 자료(knowledge)에는 이 질문에 대한 내용이 없습니다. 추측으로 답하지 않겠습니다.',
        `• ${contact}에게 문의하시면 정확한 답을 받을 수 있습니다(서울바이오허브 홈페이지 www.seoulbiohub.kr).`,
        '• 지원 자격, 마감, 지원금, 병원 데이터, 가명정보 규정에 대해서는 바로 답할 수 있습니다.',
      ].join('\n')
    : [
        'The program documents do not say. I would rather not guess.',
        `• Please ask ${contact} (Seoul BioHub website: www.seoulbiohub.kr) for a definite answer.`,
        '• I can answer right away about eligibility, deadlines, the grant, hospital data and the rules for pseudonymised data.',
      ].join('\n');
}
