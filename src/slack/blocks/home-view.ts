import type { types } from '@slack/bolt';
import type { HomeSummary } from '../../conversation/command-handlers.js';
import { helpText } from '../../conversation/help-text.js';
import { knowledgeLoopHomeBlocks } from './knowledge-loop-home.js';
import { dataFilesHomeBlocks } from './data-files-home.js';
import { replyTextToMrkdwn, slackMention } from '../mrkdwn.js';
import { textIn } from '../../messages/messages.js';

const t = textIn('ko');

/** App Home: what Itda can do, the user's draft, and for staff the latest submissions. */
export function homeView(summary: HomeSummary): types.HomeView {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: t('staffHome.homeHeader') } },
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
    blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: t('staffHome.submissionsHeader') } });
    if (summary.submissions.length === 0) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t('staffHome.noSubmissions') } });
    }
    for (const submission of summary.submissions.slice(0, 10)) {
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: `${replyTextToMrkdwn(`*${submission.title ?? t('staffHome.untitled')}*`)} — ${slackMention(submission.userId)}, ${submission.submittedAt ?? submission.updatedAt}` },
        accessory: { type: 'button', action_id: 'match_submission', text: { type: 'plain_text', text: t('staffHome.matchButton') }, value: submission.userId },
      });
    }
  }
  if (summary.isStaff && summary.knowledgeLoop) blocks.push(...knowledgeLoopHomeBlocks(summary.knowledgeLoop));
  if (summary.isStaff && summary.dataFiles) blocks.push(...dataFilesHomeBlocks(summary.dataFiles));
  return { type: 'home', blocks };
}

function draftText(summary: HomeSummary): string {
  const draft = summary.draft;
  if (!draft) return t('staffHome.noDraft');
  const status = { in_progress: t('staffHome.statusInProgress'), submitted: t('staffHome.statusSubmitted'), cancelled: t('staffHome.statusCancelled') }[draft.status] ?? draft.status;
  return t('staffHome.draft', { title: draft.title ? t('staffHome.draftTitle', { title: draft.title }) : '', status, filled: draft.filled, total: draft.total, updatedAt: draft.updatedAt });
}
