import { fileURLToPath } from 'node:url';
import type { Language } from '../../src/messages/language.js';
import type { Reply } from '../../src/ports/reply.js';
import type { DraftRepository } from '../../src/pre-application/draft-repository.js';
import { PreApplicationService, type PreApplicationDependencies } from '../../src/pre-application/pre-application-service.js';
import { InMemoryDraftRepository } from './in-memory-draft-repository.js';

export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));
export const NOW = new Date('2025-04-10T09:00:00+09:00');

/** Records every question passed to Q&A, and answers with a fixed line. */
export function fakeQuestionAnswering(): { asked: string[]; answerQuestion: PreApplicationDependencies['answerQuestion'] } {
  const asked: string[] = [];
  return {
    asked,
    answerQuestion: async (question: string, language: Language) => {
      asked.push(question);
      return { text: language === 'ko' ? '마감은 2025-04-28입니다. (Q&A)' : 'The deadline is 2025-04-28. (Q&A)' };
    },
  };
}

export function makeService(overrides: Partial<PreApplicationDependencies> = {}): {
  service: PreApplicationService;
  drafts: DraftRepository;
  asked: string[];
} {
  const qa = fakeQuestionAnswering();
  const drafts = overrides.drafts ?? new InMemoryDraftRepository();
  const service = new PreApplicationService({ drafts, knowledgeDir: KNOWLEDGE_DIR, answerQuestion: qa.answerQuestion, now: () => NOW, ...overrides });
  return { service, drafts, asked: qa.asked };
}

/** One user's side of the conversation: send a message, get Itda's replies as one text. */
export function user(service: PreApplicationService, userId: string, language: Language) {
  let last: Reply[] = [];
  return {
    async start(): Promise<string> {
      last = await service.start(userId, language);
      return joined(last);
    },
    async say(text: string): Promise<string> {
      last = await service.handle(userId, text, language);
      return joined(last);
    },
    get replies(): Reply[] {
      return last;
    },
  };
}

function joined(replies: Reply[]): string {
  return replies.map((reply) => reply.text).join('\n---\n');
}

export const KOREAN_ANSWERS: [string, string][] = [
  ['주식회사 잇다헬스', '[2/21] 소재지'],
  ['성동구에 있는 2021년 설립 회사예요', '[4/21] 직원 수'],
  ['직원 12명', '[5/21] 주요 사업'],
  ['흉부 CT 영상에서 폐결절을 찾아 주는 AI 판독 보조 소프트웨어를 개발합니다.', '[6/21] 담당자 이름'],
  ['김잇다', '[7/21] 담당자 이메일'],
  ['itda@example.com', '[8/21] 과제명'],
  ['흉부 CT 기반 폐결절 악성도 예측 AI의 다기관 성능 검증', '[9/21]'],
  ['폐결절은 흔하지만 악성 여부 판단이 어려워 추적 검사가 반복됩니다. 국내 환자 데이터로 검증된 도구가 부족합니다.', '[10/21]'],
  ['외부 검증 AUROC 0.85 이상 달성; 판독 시간 20% 단축', '[11/21]'],
  ['흉부 CT 영상 (폐결절 환자, 2,000명, 2015~2023년); 진료기록 (조직검사 결과, 흡연력)', '[12/21]'],
  ['폐결절, 폐암', '[15/21]'],
  ['인공지능 학습 및 검증; 임상적 근거 확보', '[16/21]'],
  ['병원 폐쇄 분석환경에서 가명처리된 CT로 모델을 재학습하고, 별도 기간 데이터로 외부 검증합니다.', '[17/21]'],
  ['병원이 가명처리한 데이터만 병원 내 폐쇄 분석환경에서 분석하고, IRB 심의와 DRB 승인을 받은 뒤 시작합니다.', '[18/21]'],
  ['1~2개월: IRB·DRB 심의\n3~5개월: 모델 재학습\n6개월: 외부 검증 및 보고', '[19/21]'],
  ['데이터 가공비 2천만원; 데이터 이용료 1천5백만원; 전문가 자문비 500만원', '[20/21]'],
  ['검증 결과로 식약처 2등급 변경 허가를 신청하고, 2026년 상급종합병원 3곳에 도입합니다.', '[21/21]'],
  ['서울대병원 영상의학과', '연구계획서 초안이 완성되었어요'],
];
