import { describe, expect, it } from 'vitest';
import { KOREAN_ANSWERS, makeService, user } from './transcript.js';

/** Answers as founders actually type them: hedged, corrected, packed, listed. */
async function korean(count: number, userId = 'U-NAT-KO') {
  const setup = makeService();
  const founder = user(setup.service, userId, 'ko');
  await founder.start();
  for (const [answer] of KOREAN_ANSWERS.slice(0, count)) await founder.say(answer);
  return { ...setup, founder };
}

async function english(userId = 'U-NAT-EN') {
  const setup = makeService();
  const founder = user(setup.service, userId, 'en');
  await founder.start();
  return { ...setup, founder };
}

describe('natural answers in Korean', () => {
  it('"직원은 지금 14명 정도?" answers the employee question; "마감 언제야?" still goes to Q&A', async () => {
    const { founder, asked } = await korean(2);
    const hedged = await founder.say('직원은 지금 14명 정도?');
    expect(hedged).toContain('✅ 직원 수: 14');
    expect(hedged).toContain('[5/21] 주요 사업');
    expect(await founder.say('마감 언제야?')).toContain('마감은 2025-04-28입니다. (Q&A)');
    expect(asked).toEqual(['마감 언제야?']);
  });

  it('at the optional head count, "흉부 엑스레이 AI 판독 보조 솔루션 만들어요" answers the next question instead of being asked for a number', async () => {
    const { founder } = await korean(2);
    const reply = await founder.say('흉부 엑스레이 AI 판독 보조 솔루션 만들어요');
    expect(reply).toContain('직원 수는 선택 항목이라 건너뛰고, 적어 주신 내용은 주요 사업으로 기록했어요');
    expect(reply).toContain('✅ 주요 사업: 흉부 엑스레이 AI 판독 보조 솔루션 만들어요');
    expect(reply).not.toContain('다시 입력해 주세요');
    expect(await founder.say('상태')).toContain('• 직원 수 (건너뜀)');
    // Words that answer nothing else, and a number that does not parse, are still asked again.
    const { founder: other } = await korean(2, 'U-NAT-KO-4');
    expect(await other.say('잘 모르겠어요')).toContain('다시 입력해 주세요');
  });

  it('"한 열댓명?" and "스무 명 정도" are head counts written in words', async () => {
    const { founder } = await korean(2);
    expect(await founder.say('한 열댓명?')).toContain('✅ 직원 수: 15');
    const { founder: other } = await korean(2, 'U-NAT-KO-3');
    expect(await other.say('스무 명 정도')).toContain('✅ 직원 수: 20');
  });

  it('"저희는 메디포스트랩이라는 회사고 강남구 역삼동에 있어요. 2022년 설립했고 직원은 12명입니다" fills the name and the three facts', async () => {
    const { founder } = await korean(0);
    const reply = await founder.say('저희는 메디포스트랩이라는 회사고 강남구 역삼동에 있어요. 2022년 설립했고 직원은 12명입니다');
    expect(reply).toContain('✅ 회사명: 메디포스트랩');
    expect(reply).toContain('소재지 = 서울 강남구, 설립연도 = 2022, 직원 수 = 12');
    expect(reply).toContain('[5/21] 주요 사업');
  });

  it('a business answer that also names the contact e-mail is kept as the business answer, not read as a correction', async () => {
    const { founder, service } = await korean(3);
    const reply = await founder.say('AI로 망막 사진 보고 당뇨망막병증 찾는 소프트웨어 만들어요. 대표 메일은 ceo@medipost.kr 이고요');
    expect(reply).not.toContain('고치려고 했지만');
    expect(reply).toContain('✅ 주요 사업');
    expect((await service.describe('U-NAT-KO'))?.filled).toBe(5);
  });

  it('"아 설립연도 잘못 말했어요. 2016 아니고 2019년이에요" changes the founding year and returns to the question', async () => {
    const { founder, service } = await korean(3);
    const reply = await founder.say('아 설립연도 잘못 말했어요. 2016 아니고 2019년이에요');
    expect(reply).toContain('✏️ 설립연도를 고쳤어요: 2021 → 2019');
    expect(reply).toContain('[5/21] 주요 사업');
    expect(reply).not.toContain('희망 병원');
    expect((await service.describe('U-NAT-KO'))?.filled).toBe(4);
  });

  it('"아니 2019년" corrects the last answer a year fits', async () => {
    const { founder } = await korean(2);
    const reply = await founder.say('아니 2019년');
    expect(reply).toContain('✏️ 설립연도를 고쳤어요: 2021 → 2019');
    expect(reply).toContain('[4/21] 직원 수');
  });

  it('"…판독하는 회사 \'루멘\'이고요" names 루멘, not the description before it', async () => {
    const { founder } = await korean(0);
    const reply = await founder.say("저희는 AI로 흉부 X-ray 판독하는 회사 '루멘'이고요 2022년에 세웠어요");
    expect(reply).toContain('✅ 회사명: 루멘\n');
    expect(reply).toContain('설립연도 = 2022');
    const { founder: unquoted } = await korean(0, 'U-NAT-KO-2');
    expect(await unquoted.say('흉부 X-ray를 판독하는 스타트업 루멘입니다')).toContain('✅ 회사명: 루멘\n');
  });

  it('a packed answer fills every field it holds; the company name is only the name', async () => {
    const { service } = makeService();
    const founder = user(service, 'U-PACK', 'ko');
    await founder.start();
    const reply = await founder.say('주식회사 망막랩이고요, 강남구에 있고 2019년 설립, 직원 14명이에요');
    expect(reply).toContain('✅ 회사명: 주식회사 망막랩');
    expect(reply).toContain('소재지 = 서울 강남구, 설립연도 = 2019, 직원 수 = 14');
    expect(reply).toContain('[5/21] 주요 사업');
  });

  it('"1) … 2) … 3) …" on one line is three objectives', async () => {
    const { founder } = await korean(8);
    const reply = await founder.say('1) 외부 검증 AUROC 0.85 이상 2) 판독 시간 20% 단축 3) 식약처 2등급 허가 신청');
    expect(reply).toContain('✅ 연구 목표: 외부 검증 AUROC 0.85 이상; 판독 시간 20% 단축; 식약처 2등급 허가 신청');
  });

  it('"심장초음파 판독문" is one data row, and a repeated line is merged', async () => {
    const { founder } = await korean(9);
    const reply = await founder.say('심장초음파 판독문\n심장초음파 판독문\n흉부 CT 영상');
    expect(reply).toContain('✅ 활용 데이터: 진료기록(EMR): 심장초음파 판독문; 의료영상: 흉부 CT 영상');
  });

  it('after the draft is complete, typing a number presses that numbered button, again and again', async () => {
    const { founder } = await korean(KOREAN_ANSWERS.length);
    await founder.say('1');
    expect(founder.replies[0]!.files?.[0]?.filename).toMatch(/\.md$/);
    await founder.say('2');
    expect(founder.replies[0]!.files?.[0]?.filename).toMatch(/\.docx$/);
  });
});

describe('natural answers in English', () => {
  it('"around 14?" answers the employee question', async () => {
    const { founder } = await english();
    await founder.say('Itda Health Inc.');
    await founder.say('Seongdong-gu, Seoul');
    await founder.say('2021');
    const reply = await founder.say('around 14?');
    expect(reply).toContain('✅ employees: 14');
    expect(reply).toContain('[5/21] business');
  });

  it('"change the founding year to 2019" changes it and confirms', async () => {
    const { founder } = await english();
    await founder.say('Itda Health Inc.');
    await founder.say('Seongdong-gu, Seoul');
    await founder.say('2021');
    const reply = await founder.say('change the founding year to 2019');
    expect(reply).toContain('✏️ Changed the founding year: 2021 → 2019');
    expect(reply).toContain('[4/21] employees');
  });

  it('"RetinaLab Inc., we\'re in Gangnam-gu, founded 2019, about 14 people" keeps only the name as the name', async () => {
    const { founder } = await english();
    const reply = await founder.say("RetinaLab Inc., we're in Gangnam-gu, founded 2019, about 14 people");
    expect(reply).toContain('✅ company name: RetinaLab Inc.');
    expect(reply).toContain('location = Gangnam-gu, Seoul, founding year = 2019, employees = 14');
    expect(reply).toContain('[5/21] business');
  });

  it('a bulleted list on one line and a numbered list split into items', async () => {
    const { founder } = await english();
    for (const answer of ['Itda Health Inc.', 'Seongdong-gu, Seoul', '2021', '12', 'We build AI software that finds lung nodules on chest CT.', 'skip', 'skip',
      'Validation of a lung-nodule AI', 'Lung nodules are common but hard to classify, so patients get repeated scans.']) await founder.say(answer);
    const reply = await founder.say('• AUROC of 0.85 or more • reading time cut by 20% • MFDS filing');
    expect(reply).toContain('✅ objectives: AUROC of 0.85 or more; reading time cut by 20%; MFDS filing');
  });
});
