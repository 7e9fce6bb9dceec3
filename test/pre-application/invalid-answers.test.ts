import { describe, expect, it } from 'vitest';
import { KOREAN_ANSWERS, makeService, user } from './transcript.js';

/** Starts a Korean draft and answers the first `count` questions from the standard transcript. */
async function founderAfter(count: number, userId = 'U-BAD') {
  const setup = makeService();
  const founder = user(setup.service, userId, 'ko');
  await founder.start();
  for (const [answer] of KOREAN_ANSWERS.slice(0, count)) await founder.say(answer);
  return { ...setup, founder };
}

describe('invalid input at each validated step keeps earlier answers and asks again', () => {
  it('founding year: not a year, or in the future', async () => {
    const { founder } = await founderAfter(1);
    await founder.say('서울 성동구');
    expect(await founder.say('작년')).toContain('설립연도를 네 자리 연도로 적어 주세요. 예: 2021');
    expect(await founder.say('2031')).toContain('2031년은 아직 오지 않은 해입니다');
    expect(await founder.say('2013년')).toContain('설립 후 10년 이내 기업만 지원할 수 있습니다. 2013년 설립이면 약 12년이 지났습니다');
  });

  it('location outside Seoul warns with the rule and lets the user go on', async () => {
    const { founder } = await founderAfter(1);
    const reply = await founder.say('경기도 성남시 분당구');
    expect(reply).toContain('"서울특별시 소재 기업"만 지원할 수 있습니다');
    expect(reply).toContain('[3/21] 설립연도');
  });

  it('employees and email', async () => {
    const { founder } = await founderAfter(3);
    await founder.say('잇다의 주요 사업은 흉부 CT AI입니다.');
    await founder.say('김잇다');
    expect(await founder.say('itda at example dot com')).toContain('이메일 형식이 아닙니다');
    expect(await founder.say('itda@example.com')).toContain('[8/21] 과제명');
  });

  it('length limits on titles and long answers', async () => {
    const { founder } = await founderAfter(6);
    expect(await founder.say('AI')).toContain('과제명은 5자 이상 적어 주세요 (지금 2자)');
    expect(await founder.say('가'.repeat(121))).toContain('과제명은 120자 이하로 줄여 주세요 (지금 121자)');
    await founder.say(KOREAN_ANSWERS[6]![0]);
    expect(await founder.say('필요합니다.')).toContain('연구 배경 및 필요성은 30자 이상 적어 주세요');
  });

  it('data types must come from the fixed list', async () => {
    const { founder } = await founderAfter(9);
    const reply = await founder.say('환자들의 꿈 일기');
    expect(reply).toContain('"환자들의 꿈 일기"가 어떤 종류의 데이터인지 모르겠어요');
    expect(reply).toContain('2. 의료영상');
    expect(await founder.say('MRI 영상 500명')).toContain('✅ 활용 데이터: 의료영상: MRI 영상 500명');
  });

  it('purposes must come from the fixed list', async () => {
    const { founder } = await founderAfter(11);
    expect(await founder.say('돈 벌기')).toContain('다음 중에서 골라 주세요');
    expect(await founder.say('임상시험 설계')).toContain('✅ 활용 목적: 임상시험 설계·연구개발 기준 설정');
  });

  it('schedule lines need a period and a task', async () => {
    const { founder } = await founderAfter(14);
    expect(await founder.say('열심히 하겠습니다')).toContain('기간과 할 일을 나누지 못했어요');
  });

  it('budget: over the cap, no amount, no item name — earlier answers stay', async () => {
    const { founder, service } = await founderAfter(15);
    const over = await founder.say('데이터 가공비 3천만원; 데이터 이용료 2천만원; 전문가 자문비 0.3억');
    expect(over).toContain('예산 합계 80,000,000원이 지원 한도 50,000,000원을 넘습니다 (30,000,000원 초과)');
    expect(await founder.say('데이터 가공비 많이')).toContain('"데이터 가공비 많이"에서 금액을 찾지 못했어요');
    expect(await founder.say('2천만원')).toContain('20,000,000원이 어떤 항목인지 적어 주세요');
    expect(await service.describe('U-BAD')).toMatchObject({ filled: 18 });
    expect(await founder.say('데이터 가공비 1억 2천만원')).toContain('120,000,000원');
    expect(await founder.say('데이터 가공비 3,500만 원, 법률 자문비 5백만원')).toContain('✅ 예산: 데이터 가공비 35,000,000원; 법률 자문비 5,000,000원 (합계 40,000,000원)');
  });

  it('submitting an unfinished draft names what is missing', async () => {
    const { founder } = await founderAfter(3);
    expect(await founder.say('제출')).toContain('아직 제출할 수 없어요. 남은 필수 항목: 주요 사업, 과제명');
  });
});
