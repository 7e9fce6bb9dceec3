import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFoundedYear } from '../../src/company-facts/founding.js';
import { findLocation, findPlaces, isInSeoul } from '../../src/company-facts/places.js';
import { makeService, user } from '../pre-application/transcript.js';
import { knowledgeQa } from '../question-answering/knowledge-qa.js';

/**
 * The same founder sentence, told to Q&A ("am I eligible?") and to the form (the location
 * question, which also fills the founding year): both read it with src/company-facts, so the
 * year, the place and the verdict cannot differ. Program "today" is 2025-04-10 for both.
 */
let qa: Awaited<ReturnType<typeof knowledgeQa>>;
beforeAll(async () => {
  qa = await knowledgeQa();
});
afterAll(() => qa.knowledge.close());

async function toldToTheForm(sentence: string) {
  const { service, drafts } = makeService();
  const founder = user(service, 'U-FOUNDER', 'ko');
  await founder.start();
  await founder.say('주식회사 잇다헬스');
  const reply = await founder.say(sentence);
  const company = ((await drafts.load('U-FOUNDER'))!.state as { answers: { company: { location?: string; foundedYear?: number } } }).answers.company;
  return { reply, company };
}

describe('Q&A and the form agree on the same sentence', () => {
  it('"홍릉에 있는 2021년 3월에 설립된 바이오 회사": Seoul and 2021 in both, and neither warns', async () => {
    const sentence = '홍릉에 있는 2021년 3월에 설립된 바이오 회사예요';
    const answer = await qa.ask(`${sentence}. 지원할 수 있나요?`, { now: '2025-04-10' });
    expect(answer).toContain('✅ 서울특별시 소재 기업: 홍릉은 서울입니다');
    expect(answer).toContain('✅ 설립 10년 이내: 2021년 설립, 약 4년');

    const form = await toldToTheForm(sentence);
    expect(form.company).toMatchObject({ location: '서울 홍릉', foundedYear: 2021 });
    expect(form.reply).not.toContain('⚠️ 지원 자격 확인');
  });

  it('"판교에 있는 2012년 설립 회사": outside Seoul and over ten years in both, and both say so', async () => {
    const sentence = '판교에 있는 2012년 설립 의료기기 회사예요';
    const answer = await qa.ask(`${sentence}. 지원 대상인가요?`, { now: '2025-04-10' });
    expect(answer).toContain('지원 대상이 아닌 것으로 보입니다');
    expect(answer).toContain('❌ 서울특별시 소재 기업: 판교');
    expect(answer).toContain('❌ 설립 10년 이내: 2012년 설립, 약 13년');

    const form = await toldToTheForm(sentence);
    expect(form.company).toMatchObject({ location: '판교', foundedYear: 2012 });
    expect(form.reply).toContain('입력하신 소재지(판교)는 서울로 확인되지 않습니다');
    expect(form.reply).toContain('2012년 설립이면 약 13년');
  });

  it('English: "based in Mapo, founded in March 2021" is Mapo-gu, Seoul and 2021 for both', async () => {
    const answer = await qa.ask('We are a digital health SME based in Mapo, founded in March 2021. Eligible?', { now: '2025-04-10' });
    expect(answer).toContain('Mapo-gu is in Seoul');
    expect(answer).toContain('founded 2021');
    expect(findLocation('based in Mapo, founded in March 2021')).toBe('Mapo-gu, Seoul');
    expect(findFoundedYear('based in Mapo, founded in March 2021')).toBe(2021);
  });
});

describe('one reading of places and years', () => {
  it('a district named without 구 counts; a word that only starts like one does not', () => {
    expect(findLocation('성동에 있어요')).toBe('서울 성동구');
    expect(findPlaces('AI가 동작하는 방식을 설명합니다')).toEqual([]);
    expect(findPlaces('관악기 소리를 분석합니다')).toEqual([]);
  });

  it('a Seoul hospital in the sentence is a partner, not the address', () => {
    expect(findLocation('서울대병원과 협력하는 판교 회사')).toBe('판교');
    expect(isInSeoul('서울 밖')).toBe(false);
    expect(isInSeoul('서울 성동구')).toBe(true);
    expect(isInSeoul('Seongdong-gu, Seoul')).toBe(true);
  });

  it('"data since 2015" is not a founding year', () => {
    expect(findFoundedYear('2015년 이후 데이터를 쓰고 싶어요')).toBeUndefined();
    expect(findFoundedYear('we need data since 2015')).toBeUndefined();
    expect(findFoundedYear('설립연도는 2019년입니다')).toBe(2019);
  });
});
