import type { Language } from '../src/messages/language.js';

/**
 * Questions written by hand the way founders type them, before any tuning and not copied from
 * knowledge/ or eval/: lay words, slang, typos-free but indirect.
 */
export const PARAPHRASED_QUESTIONS: { question: string; language: Language }[] = [
  { question: '돈은 최대 얼마까지 나와요?', language: 'ko' },
  { question: '우리 같은 작은 회사도 낄 수 있나요?', language: 'ko' },
  { question: '서류는 언제까지 내면 돼요?', language: 'ko' },
  { question: '환자 이름 지운 자료면 허락 없이 써도 되나요?', language: 'ko' },
  { question: '병원 몇 군데랑 같이 할 수 있어요?', language: 'ko' },
  { question: '받은 돈으로 컴퓨터 사도 돼요?', language: 'ko' },
  { question: '심의는 누가 하고 얼마나 걸려요?', language: 'ko' },
  { question: '작년에는 어떤 과제들이 뽑혔어요?', language: 'ko' },
  { question: 'How big is the grant per company?', language: 'en' },
  { question: 'Can a two-person startup outside Seoul join?', language: 'en' },
  { question: 'What is the last day to send our paperwork?', language: 'en' },
  { question: 'Do we need patient permission if names are stripped?', language: 'en' },
  { question: 'Who checks the study before we touch hospital records?', language: 'en' },
  { question: 'Which hospitals take part?', language: 'en' },
  { question: 'Can the money pay for cloud servers?', language: 'en' },
  { question: 'What happens after we are picked?', language: 'en' },
];
