import { describe, expect, it } from 'vitest';
import { KOREAN_ANSWERS, makeService, user } from './transcript.js';

async function founderAtLocation(userId = 'U-CMD') {
  const setup = makeService();
  const founder = user(setup.service, userId, 'ko');
  await founder.start();
  await founder.say('주식회사 잇다헬스');
  return { ...setup, founder };
}

describe('commands at any step', () => {
  it('뒤로 returns to the previous question and shows the current answer', async () => {
    const { founder } = await founderAtLocation();
    const reply = await founder.say('뒤로');
    expect(reply).toContain('이전 질문으로 돌아갑니다');
    expect(reply).toContain('[1/21] 회사명');
    expect(reply).toContain('지금 답: 주식회사 잇다헬스');
    expect(await founder.say('잇다헬스')).toContain('[2/21] 소재지');
    expect(await founder.say('back')).toContain('[1/21] 회사명');
  });

  it('건너뛰기 skips optional fields only', async () => {
    const { founder } = await founderAtLocation();
    expect(await founder.say('건너뛰기')).toContain('소재지는 필수 항목이라 건너뛸 수 없어요');
    await founder.say('서울 마포구');
    await founder.say('2022');
    const skipped = await founder.say('건너뛰기');
    expect(skipped).toContain('직원 수 항목을 건너뛰었어요');
    expect(skipped).toContain('[5/21] 주요 사업');
    expect(await founder.say('상태')).toContain('• 직원 수 (건너뜀)');
  });

  it('수정 <field> jumps to that field and then returns to the first open question', async () => {
    const { founder } = await founderAtLocation();
    await founder.say('서울 마포구');
    const editing = await founder.say('수정 회사명');
    expect(editing).toContain('회사명을 고칩니다');
    expect(editing).toContain('[1/21] 회사명');
    expect(await founder.say('잇다랩')).toContain('[3/21] 설립연도');
    expect(await founder.say('edit founding year')).toContain('[3/21] 설립연도');
    expect(await founder.say('수정 우주선')).toContain('"우주선" 항목을 찾지 못했어요');
  });

  it('상태 lists filled and missing fields and asks the same question again', async () => {
    const { founder } = await founderAtLocation();
    const status = await founder.say('상태');
    expect(status).toContain('*작성 현황: 1/21 항목*');
    expect(status).toContain('• 회사명: 주식회사 잇다헬스');
    expect(status).toContain('• 소재지');
    expect(status).toContain('• 직원 수 (선택)');
    expect(status).toContain('[2/21] 소재지');
  });

  it('취소 asks to confirm; 아니요 keeps everything, 네 deletes the draft', async () => {
    const { founder, service, drafts } = await founderAtLocation();
    expect(await founder.say('취소')).toContain('정말 작성을 취소할까요?');
    const kept = await founder.say('아니요');
    expect(kept).toContain('취소하지 않았어요');
    expect(kept).toContain('[2/21] 소재지');
    await founder.say('취소');
    expect(await founder.say('네')).toContain('작성을 취소하고 답을 모두 삭제했어요');
    expect(await drafts.load('U-CMD')).toBeUndefined();
    expect(await service.hasActiveDraft('U-CMD')).toBe(false);
    expect(await founder.start()).toContain('[1/21] 회사명');
  });

  it('도움말 lists the commands and asks the same question again', async () => {
    const { founder } = await founderAtLocation();
    const help = await founder.say('도움말');
    expect(help).toContain('`수정 <항목>`');
    expect(help).toContain('[2/21] 소재지');
    expect(await founder.say('help')).toContain('[2/21] 소재지');
  });

  it('a question mid-form goes to Q&A and the form resumes at the same step', async () => {
    const { founder, asked, service } = await founderAtLocation();
    const reply = await founder.say('마감 언제야?');
    expect(asked).toEqual(['마감 언제야?']);
    expect(founder.replies[0]!.text).toBe('마감은 2025-04-28입니다. (Q&A)');
    expect(founder.replies[1]!.text).toContain('↩️ 신청서 작성으로 돌아갈게요.');
    expect(reply).toContain('[2/21] 소재지');
    expect(await service.describe('U-CMD')).toMatchObject({ filled: 1 });
    expect(await founder.say('서울 성동구')).toContain('[3/21] 설립연도');
  });

  it('an English question mid-form is answered in English, and the form resumes in Korean', async () => {
    const { founder, asked } = await founderAtLocation();
    const reply = await founder.say('Can a Busan startup apply?');
    expect(asked).toEqual(['Can a Busan startup apply?']);
    expect(founder.replies[0]!.text).toBe('The deadline is 2025-04-28. (Q&A)');
    expect(founder.replies[1]!.text).toContain('↩️ 신청서 작성으로 돌아갈게요.');
    expect(reply).toContain('[2/21] 소재지');
  });

  it('a failing Q&A does not lose the place in the form', async () => {
    const { service } = makeService({ answerQuestion: async () => { throw new Error('model offline'); } });
    const founder = user(service, 'U-QA-DOWN', 'ko');
    await founder.start();
    const reply = await founder.say('지원금은 얼마인가요?');
    expect(reply).toContain('지금은 그 질문에 답할 수 없어요');
    expect(reply).toContain('[1/21] 회사명');
  });

  it('a finished draft sends questions to Q&A and still accepts export, edit and submit words', async () => {
    const { service, asked } = makeService();
    const founder = user(service, 'U-DONE', 'ko');
    await founder.start();
    for (const [answer] of KOREAN_ANSWERS) await founder.say(answer);
    expect(await service.hasActiveDraft('U-DONE')).toBe(true);
    const reply = await founder.say('DRB 심의는 얼마나 걸려요?');
    expect(asked).toEqual(['DRB 심의는 얼마나 걸려요?']);
    expect(reply).toContain('초안은 저장되어 있어요');
    await founder.say('md');
    expect(founder.replies[0]!.files?.[0]?.filename).toMatch(/\.md$/);
    expect(await founder.say('수정 예산')).toContain('지금 답: 데이터 가공비 20,000,000원');
    expect(await founder.say('데이터 가공비 3천만원; 전문가 자문비 1천만원')).toContain('예산 합계: 40,000,000원 (2개 항목)');
    expect(await founder.say('submit')).toContain('✅ *2025년 공동연구 프로젝트(2차)* 사전 신청으로 제출했어요');
  });
});
