import type { types } from '@slack/bolt';
import type { DataFileStatus } from '../../data-files/data-file-kind.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { textIn } from '../../messages/messages.js';

const t = textIn('ko');

/**
 * Staff App Home, data-file part: each staff file whose edit was not applied, with the file,
 * line, problem and fix, and which copy is serving meanwhile. Nothing is shown while every
 * file is fine, so the section only appears when someone has something to fix.
 */
export function dataFilesHomeBlocks(problems: DataFileStatus[]): types.KnownBlock[] {
  if (problems.length === 0) return [];
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: t('staffHome.dataFilesHeader') } },
    ...problems.map((status): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: describe(status) } })),
  ];
}

function describe(status: DataFileStatus): string {
  const problem = status.problem;
  const where = `${problem?.file ?? status.files}${problem?.line ? t('staffHome.lineNumber', { line: problem.line }) : ''}`;
  const serving = status.state === 'unavailable'
    ? t('staffHome.noPreviousVersion')
    : t('staffHome.servingLastGood', { loadedAt: status.loadedAt ?? '?', savedCopy: status.servedFrom === 'saved-copy' ? t('staffHome.savedCopy') : '' });
  return [
    t('staffHome.notApplied', { where: escapeMrkdwn(where) }),
    t('staffHome.problem', { message: escapeMrkdwn(problem?.message ?? t('staffHome.unknownProblem')) }),
    t('staffHome.fix', { fix: escapeMrkdwn(problem?.fix ?? '') }),
    `• ${serving}`,
  ].join('\n');
}
