import type { types } from '@slack/bolt';
import type { HomeSummary } from '../../conversation/command-handlers.js';
import { helpText } from '../../conversation/help-text.js';
import { knowledgeLoopHomeBlocks } from './knowledge-loop-home.js';
import { dataFilesHomeBlocks } from './data-files-home.js';
import { replyTextToMrkdwn, slackMention } from '../mrkdwn.js';

/** App Home: what Itda can do, the user's draft, and for staff the latest submissions. */
export function homeView(summary: HomeSummary): types.HomeView {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: '잇다 Itda — 의료데이터 공동연구 도우미' } },
    { type: 'section', text: { type: 'mrkdwn', text: replyTextToMrkdwn(helpText('ko', summary.isStaff)) } },
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: replyTextToMrkdwn(draftText(summary)) } },
  ];
  if (summary.draft) {
    blocks.push({
      type: 'actions',
      elements: [
        { type: 'button', action_id: 'preapp_export_md', text: { type: 'plain_text', text: 'Markdown' }, value: 'md' },
        { type: 'button', action_id: 'preapp_export_docx', text: { type: 'plain_text', text: 'Word (.docx)' }, value: 'docx' },
      ],
    });
  }
  if (summary.isStaff) {
    blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: '담당자: 최근 제출된 사전 신청서' } });
    if (summary.submissions.length === 0) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '아직 제출된 신청서가 없습니다.' } });
    }
    for (const submission of summary.submissions.slice(0, 10)) {
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: `${replyTextToMrkdwn(`*${submission.title ?? '(제목 없음)'}*`)} — ${slackMention(submission.userId)}, ${submission.submittedAt ?? submission.updatedAt}` },
        accessory: { type: 'button', action_id: 'match_submission', text: { type: 'plain_text', text: '팀 추천' }, value: submission.userId },
      });
    }
  }
  if (summary.isStaff && summary.knowledgeLoop) blocks.push(...knowledgeLoopHomeBlocks(summary.knowledgeLoop));
  if (summary.isStaff && summary.dataFiles) blocks.push(...dataFilesHomeBlocks(summary.dataFiles));
  return { type: 'home', blocks };
}

function draftText(summary: HomeSummary): string {
  const draft = summary.draft;
  if (!draft) return '*내 연구계획서 초안*\n아직 없습니다. 메시지 탭에서 "신청서 작성할래요" 또는 `/itda apply`로 시작하세요.';
  const status = { in_progress: '작성 중', submitted: '제출됨', cancelled: '취소됨' }[draft.status] ?? draft.status;
  return `*내 연구계획서 초안*${draft.title ? ` — ${draft.title}` : ''}\n• 상태: ${status}\n• 작성: ${draft.filled}/${draft.total} 항목\n• 마지막 수정: ${draft.updatedAt}`;
}
