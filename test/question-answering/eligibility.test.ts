import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractEligibilityFacts } from '../../src/company-facts/eligibility-facts.js';
import { knowledgeQa } from './knowledge-qa.js';

let qa: Awaited<ReturnType<typeof knowledgeQa>>;
beforeAll(async () => {
  qa = await knowledgeQa();
});
afterAll(() => qa.knowledge.close());

describe('eligibility check against program.yaml', () => {
  it('finds a 12-year-old Busan company not eligible, rule by rule, and asks for what is missing', async () => {
    const answer = await qa.result('설립 12년 된 부산 회사도 되나요?', { now: '2025-04-20' });
    expect(answer.kind).toBe('eligibility');
    expect(answer.answer).toContain('지원 대상이 아닌 것으로 보입니다');
    expect(answer.answer).toContain('❌ 서울특별시 소재 기업: 부산');
    expect(answer.answer).toContain('❌ 설립 10년 이내: 설립 12년');
    expect(answer.answer).toContain('❔ 보건·의료(바이오)');
    expect(answer.answer).toContain('더 알려 주세요');
  });

  it('finds a bio startup in Seongdong-gu founded in 2019 eligible', async () => {
    const answer = await qa.ask('2019년 설립, 성동구, 디지털헬스 중소기업', { now: '2025-04-20' });
    expect(answer).toContain('조건을 모두 충족');
    expect(answer).toContain('성동구');
    expect(answer).toContain('2019년 설립, 약 6년');
  });

  it('cannot tell yet when the field is only "AI", and says so in English too', async () => {
    const answer = await qa.ask('Our AI SME in Gangnam-gu was founded in 2021. Are we eligible?', { now: '2026-11-28' });
    expect(answer).toContain('cannot tell yet');
    expect(answer).toContain('✅ Located in Seoul: Gangnam-gu is in Seoul');
    expect(answer).toContain('within 10 years');
  });

  it('does not take a hospital\'s city for the company\'s: "a hospital in Busan", then "직원 15명 스타트업도 지원 대상인가요?"', async () => {
    const first = 'Can a hospital in Busan join as the partner?';
    const answer = await qa.ask('직원 15명 스타트업도 지원 대상인가요?', { now: '2026-12-02', history: [first, await qa.ask(first, { now: '2026-12-02' })] });
    expect(answer).not.toContain('부산');
    expect(answer).toContain('❔ 서울특별시 소재 기업');
    // The company's own city still counts when the same sentence also names a hospital's.
    const both = await qa.ask('저희는 부산에 있고 서울 병원이랑 하고 싶은데 지원 대상인가요?', { now: '2026-12-02' });
    expect(both).toContain('❌ 서울특별시 소재 기업: 부산');
  });

  it('says headcount is no rule: "직원 5명인데 괜찮나요" gets the check, not the off-topic refusal', async () => {
    const answer = await qa.result('직원 5명인데 괜찮나요', { now: '2026-12-02' });
    expect(answer.outOfScope).toBe(false);
    expect(answer.answer).toContain('직원 수(5명)는 확인한 자료의 지원 자격 기준에 없습니다');
    expect(answer.answer).toContain('더 알려 주세요');
    expect(await qa.ask('We have 40 employees, can we apply?', { now: '2026-12-02' })).toContain('Headcount (40 employees) is not an eligibility rule');
    // A count in native Korean words is a headcount too ("열댓" is about fifteen, read as its upper number).
    expect(await qa.ask('우리 회사 직원이 열댓명인데 신청 가능해요?', { now: '2026-12-02' })).toContain('직원 수(15명)는 확인한 자료의 지원 자격 기준에 없습니다');
  });

  it('explains the rules when no company facts are given', async () => {
    const answer = await qa.result('지원 자격이 어떻게 되나요?');
    expect(answer.kind).toBe('eligibility');
    expect(answer.answer).toContain('설립 10년 이내');
    expect(answer.answer).toContain('/itda eligibility');
    expect((await qa.ask('Who is eligible?')).split('\n')[0]).toContain('Who can apply');
  });

  it('reads founding years, ages and places from everyday phrasing', () => {
    expect(extractEligibilityFacts('founded in 2015, based in Incheon', '2026-11-28')).toMatchObject({ founding: { years: 11 }, places: [{ inSeoul: false, place: '인천' }] });
    expect(extractEligibilityFacts('we are 3 years old, Mapo-gu', '2026-11-28')).toMatchObject({ founding: { years: 3 }, places: [{ inSeoul: true }] });
    expect(extractEligibilityFacts('판교에 있는 설립 3년 된 바이오 스타트업', '2026-11-28')).toMatchObject({ founding: { years: 3 }, size: { kind: 'startup' }, field: { kind: 'health' } });
    expect(extractEligibilityFacts('삼성서울병원 컨소시엄', '2026-11-28').places).toEqual([]);
  });
});
