import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/ports/reply.js';
import { submissionNotice } from '../../src/conversation/command-handlers.js';
import { startTranscript, type Transcript } from '../conversation/itda-in-process.js';
import { KOREAN_ANSWERS } from './transcript.js';

/** Today is 2026-12-01: the 2025 round closed on 2025-04-28 and no later one is announced. */
let itda: Transcript;
beforeAll(async () => {
  itda = await startTranscript({ ITDA_NOW: '2026-12-01', RATE_LIMIT_PER_MINUTE: '1000' });
}, 60_000);
afterAll(async () => itda.close());

const text = (replies: Reply[]) => replies.map((reply) => reply.text).join('\n---\n');
const fileOf = (replies: Reply[]) => replies.flatMap((reply) => reply.files ?? [])[0];

describe('which round a draft is for, and the language it is written in', () => {
  it('Korean: no open round → kept for the next round; slash commands keep Korean; exports work after submitting', async () => {
    const started = text(await itda.replies('U-ROUND-KO', '신청서 작성할래요'));
    expect(started).toContain('지금 접수 중인 회차가 없어요 (2025년 공동연구 프로젝트(2차)는 2025년 4월 28일에 마감)');
    expect(started).toContain('*다음 회차*용으로 저장되고');

    // A slash command is English words; it must not turn the session (or the export) English.
    const status = text(await itda.running.itda.command({ userId: 'U-ROUND-KO', conversationId: 'slack:D1', text: 'plan' }));
    expect(status).toContain('내 연구계획서 초안');
    const early = fileOf(await itda.running.itda.action('U-ROUND-KO', 'preapp_export_md', 'md'));
    expect(early?.content.toString('utf8')).toContain('## 1. 기업 개요');
    expect(early?.content.toString('utf8')).not.toContain('Company overview');

    // Contact name skipped, e-mail given: optional really is optional.
    const answers = KOREAN_ANSWERS.map(([answer], index) => (index === 4 ? '건너뛰기' : answer));
    for (const answer of answers) await itda.replies('U-ROUND-KO', answer);
    const exported = await itda.replies('U-ROUND-KO', '내보내기');
    expect(text(exported)).toContain('(다음 회차용)');
    const submitted = text(await itda.replies('U-ROUND-KO', '제출'));
    expect(submitted).toContain('✅ *다음 회차* 사전 신청으로 제출했어요');
    expect(submitted).not.toContain('마감되었어요');
    expect(submitted).not.toMatch(/Invalid input|expected string/);

    expect(submissionNotice({ userId: 'U-ROUND-KO', company: '주식회사 잇다헬스', title: '흉부 CT', summary: '• 회차: 다음 회차', round: 'next' }).text)
      .toContain('*새 사전 신청서 / New pre-application* [다음 회차 / next round]');
    const staffHome = await itda.running.itda.home('USTAFF');
    expect(staffHome.submissions).toContainEqual(expect.objectContaining({ userId: 'U-ROUND-KO', title: expect.stringContaining('(다음 회차)') }));

    const markdown = fileOf(await itda.replies('U-ROUND-KO', '내보내기'));
    expect(markdown?.filename).toMatch(/\.md$/);
    expect(markdown?.content.toString('utf8')).toContain('## 1. 기업 개요');
    const word = fileOf(await itda.replies('U-ROUND-KO', '워드'));
    expect(word?.filename).toMatch(/\.docx$/);
    expect(text(await itda.replies('U-ROUND-KO', '지원금은 얼마야?'))).toContain('5천만');
  }, 60_000);

  it('English: the start says no round is open and the draft is for the next one', async () => {
    const started = text(await itda.replies('U-ROUND-EN', 'I want to draft my application'));
    expect(started).toContain('No round is open now (the 2025 joint research call (second round) closed on 28 April 2025)');
    expect(started).toContain('*the next round*');
    const help = text(await itda.running.itda.command({ userId: 'U-ROUND-EN', conversationId: 'slack:D2', text: 'help' }));
    expect(help).toMatch(/[A-Za-z]/);
    expect(text(await itda.replies('U-ROUND-EN', 'Itda Health Inc.'))).toContain('[2/21] location');
  }, 60_000);
});
