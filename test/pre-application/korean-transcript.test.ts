import { describe, expect, it } from 'vitest';
import { makeService, user, KOREAN_ANSWERS } from './transcript.js';
import { readDocxText, readZipEntry } from './read-docx-text.js';

const TEAMS = async () => [
  { teamId: 'snuh-rad', hospital: '서울대병원', department: '영상의학과', reasons: ['흉부 CT 보유'] },
  { teamId: 'amc-pul', hospital: '서울아산병원', department: '호흡기내과', reasons: ['폐결절 코호트'] },
];

describe('a whole pre-application in Korean', () => {
  it('asks one question at a time, fills several facts from one sentence, and drafts the plan', async () => {
    const submitted: unknown[] = [];
    const { service } = makeService({ suggestTeams: TEAMS, onSubmitted: async (submission) => void submitted.push(submission) });
    expect(service.isStartRequest('신청서 작성할래요')).toBe(true);
    expect(service.isStartRequest('지원서 쓰고 싶어요')).toBe(true);
    expect(service.isStartRequest('신청서 쓸래')).toBe(true);
    expect(service.isStartRequest('계획서 씁니다')).toBe(true);
    expect(service.isStartRequest('마감 언제야?')).toBe(false);
    const founder = user(service, 'U-KO', 'ko');

    const opening = await founder.start();
    expect(opening).toContain('[1/21] 회사명');
    expect(opening).toContain('왜 묻나요');
    expect(opening).toContain('예: 주식회사 잇다헬스');
    expect(await service.hasActiveDraft('U-KO')).toBe(true);

    for (const [answer, expected] of KOREAN_ANSWERS) {
      expect(await founder.say(answer), `after "${answer}"`).toContain(expected);
    }
    const summary = founder.replies.at(-1)!;
    expect(summary.text).toContain('예산 합계: 40,000,000원');
    // Applicants see consortia and data types with reasons, never the catalog's team names.
    expect(summary.text).toContain('맞는 데이터와 컨소시엄');
    expect(summary.text).toContain('서울대병원 컨소시엄 — 흉부 CT 보유');
    expect(summary.text).not.toContain('영상의학과 —');
    expect(summary.text).not.toContain('호흡기내과');
    expect(summary.buttons?.map((button) => button.actionId)).toEqual(['preapp_export_md', 'preapp_export_docx', 'preapp_submit']);
    expect(await service.describe('U-KO')).toMatchObject({ status: 'in_progress', filled: 21, total: 21, title: '흉부 CT 기반 폐결절 악성도 예측 AI의 다기관 성능 검증' });

    const markdown = (await founder.say('내보내기'), founder.replies[0]!.files![0]!);
    const text = markdown.content.toString('utf8');
    expect(markdown.filename).toMatch(/\.md$/);
    for (const heading of ['1. 기업 개요', '2. 과제명', '3. 연구 배경 및 필요성', '4. 연구 목표', '5. 연구진 구성 및 역할', '6. 활용 데이터', '7. 활용 목적',
      '8. 연구 방법', '9. 표본 규모 근거', '10. 개인정보 보호 및 데이터 관리 계획', '11. 총 연구기간과 추진 일정', '12. 성과지표', '13. 예산', '14. 기대 효과',
      '15. 위험 요인과 대응', '16. 희망 병원']) {
      expect(text).toContain(`## ${heading}`);
    }
    expect(text).toContain('병원이 가명처리한 데이터만 병원 내 폐쇄 분석환경에서 분석하고, IRB 심의와 DRB 승인을 받은 뒤 시작합니다.');
    expect(text).toContain('> 💡 제안 (직접 수정하세요):');
    expect(text).toContain('개인정보 보호법 제28조의2');
    expect(text).toContain('생명윤리법 IRB');
    expect(text).toContain('근거: 보건의료데이터 활용 가이드라인 (Health-data guideline), 개인정보 보호법과 가명정보 (PIPA and pseudonymised data)');
    expect(text).not.toMatch(/knowledge\/|\.md\b/);
    expect(text).toContain('1. 외부 검증 AUROC 0.85 이상 달성\n2. 판독 시간 20% 단축');
    expect(text).toContain('| 외부 검증 AUROC 0.85 이상 달성 | 0.85 이상 | 분리된 외부 검증 데이터셋에서 산출 (95% 신뢰구간) |');
    expect(text).toContain('총 연구기간: 6개월');
    expect(text).toContain('| 합계 | 40,000,000 |');
    expect(text).toContain('지원 한도 50,000,000원 중 40,000,000원 신청 (80%)');
    expect(text).toContain('2025년 공동연구 프로젝트(2차)');
    expect(text).not.toContain('서울아산병원 호흡기내과');

    await founder.say('워드');
    const docx = founder.replies[0]!.files![0]!;
    expect(docx.filename).toMatch(/\.docx$/);
    const docxText = readDocxText(docx.content);
    expect(docxText).toContain('기업 개요');
    expect(docxText).toContain('흉부 CT 기반 폐결절 악성도 예측 AI의 다기관 성능 검증');
    expect(docxText).toContain('💡 제안 (직접 수정하세요):');
    expect(readZipEntry(docx.content, 'word/styles.xml')).toContain('w:eastAsia="Malgun Gothic"');

    expect(await founder.say('제출')).toContain('✅ *2025년 공동연구 프로젝트(2차)* 사전 신청으로 제출했어요');
    expect(submitted).toEqual([expect.objectContaining({ userId: 'U-KO', company: '주식회사 잇다헬스', title: '흉부 CT 기반 폐결절 악성도 예측 AI의 다기관 성능 검증' })]);
    expect(await service.hasActiveDraft('U-KO')).toBe(false);
    expect((await service.exportDraft('U-KO', 'md'))!.content.toString()).toContain('## 13. 예산');
    expect(await service.submittedResearchNeed('U-KO')).toContain('CT');
    expect(await founder.start()).toContain('이미 2025-04-10에 제출한 신청서가 있어요');
  });

  it('confirms facts it filled from free text and warns, naming the rule, when not eligible', async () => {
    const { service } = makeService();
    const founder = user(service, 'U-BUSAN', 'ko');
    await founder.start();
    const reply = await founder.say('부산 해운대구에 있고 2010년 설립, 직원 30명인 회사입니다');
    expect(reply).not.toContain('✅ 회사명');
    expect(reply).toContain('기록했어요: 소재지 = 부산 해운대구, 설립연도 = 2010, 직원 수 = 30');
    expect(reply).toContain('회사명만 따로 알려 주세요');
    expect(reply).toContain('"서울특별시 소재 기업"만 지원할 수 있습니다');
    expect(reply).toContain('설립 후 10년 이내 기업만 지원할 수 있습니다');
    expect(reply).toContain('작성은 계속할 수 있어요');
    expect(await founder.say('주식회사 해운대랩')).toContain('[5/21] 주요 사업');
  });
});
