import type { QuestionAnswer, QuestionAnswering } from '../conversation/capabilities.js';
import { detectLanguage } from '../conversation/detect-language.js';
import type { Language } from '../conversation/reply.js';
import { describeDeadline } from '../program/deadline-status.js';
import type { ProgramFacts } from '../program/program-facts.js';

/**
 * A first answerer that knows only the program-facts file: the deadline and the grant.
 * Retrieval over knowledge/ replaces it; it stays as the floor when nothing else answers.
 */
export class ProgramFactsAnswering implements QuestionAnswering {
  constructor(private readonly facts: () => ProgramFacts, private readonly now: () => Date) {}

  async answer(question: string, options: { language?: Language } = {}): Promise<QuestionAnswer> {
    const language = options.language ?? detectLanguage(question);
    const facts = this.facts();
    const citation = { source: 'knowledge/program.yaml', title: language === 'ko' ? '사업 기본 정보' : 'Program facts', section: '', asOf: facts.as_of };
    if (/마감|언제|신청.*(가능|할 수)|deadline|apply|when/i.test(question)) {
      return { answer: describeDeadline(facts, this.now(), language), citations: [{ ...citation, section: 'rounds' }], outOfScope: false, language, kind: 'deadline' };
    }
    const cap = facts.funding.cap_krw.toLocaleString('en-US');
    const answer = language === 'ko'
      ? `선정 기업은 최대 ${cap}원(5천만 원)의 사업화 지원금을 받고, 의료데이터 중심병원 연구팀과 매칭됩니다.`
      : `Each selected company receives up to ${cap} KRW (50 million) of commercialisation support and is matched with a hospital research team.`;
    return { answer, citations: [{ ...citation, section: 'funding' }], outOfScope: false, language, kind: 'answer' };
  }
}
