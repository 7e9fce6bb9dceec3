import type { types } from '@slack/bolt';
import type { DataFileStatus } from '../../data-files/data-file-kind.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/**
 * Staff App Home, data-file part: each staff file whose edit was not applied, with the file,
 * line, problem and fix, and which copy is serving meanwhile. Nothing is shown while every
 * file is fine, so the section only appears when someone has something to fix.
 */
export function dataFilesHomeBlocks(problems: DataFileStatus[]): types.KnownBlock[] {
  if (problems.length === 0) return [];
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: '데이터 파일' } },
    ...problems.map((status): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: describe(status) } })),
  ];
}

function describe(status: DataFileStatus): string {
  const problem = status.problem;
  const where = `${problem?.file ?? status.files}${problem?.line ? ` ${problem.line}번째 줄` : ''}`;
  const serving = status.state === 'unavailable'
    ? '쓸 수 있는 이전 버전이 없어 이 기능은 고칠 때까지 쉽니다.'
    : `마지막으로 정상이던 버전(${status.loadedAt ?? '?'}${status.servedFrom === 'saved-copy' ? ', 저장된 사본' : ''})으로 계속 답하고 있습니다.`;
  return [
    `⚠️ *${escapeMrkdwn(where)}* — 수정 내용이 적용되지 않았습니다.`,
    `• 문제: ${escapeMrkdwn(problem?.message ?? '알 수 없음')}`,
    `• 고치는 법: ${escapeMrkdwn(problem?.fix ?? '')}`,
    `• ${serving}`,
  ].join('\n');
}
