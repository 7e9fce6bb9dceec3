import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import type { RoundFilePlan } from './round-files.js';
import type { RoundProposal } from './round-proposal.js';
import { escapeForSlack as escapeSlack, FIELD_LABELS, formatFactValue } from './round-wording.js';

const WORDING = {
  ko: {
    title: (source: string) => `*새 차수 제안* — \`${source}\`에서 읽은 내용입니다. 승인 전에는 아무것도 바뀌지 않습니다.`,
    read: '*읽은 사실 (근거 문장)*',
    missing: '*읽지 못한 항목* (추측하지 않았습니다. `수정`으로 채우거나 그대로 두세요)',
    noneMissing: '읽지 못한 항목: 없음',
    diff: '*바뀔 파일*',
    blocked: (problem: string) => `*승인할 수 없습니다*: ${problem}`,
    sections: (count: number) => `공고문 ${count}개 부분을 지식 파일 섹션으로 넣습니다:`,
    approve: '승인', edit: '수정', cancel: '취소',
    fileNew: '새 파일', fileChanged: '변경',
    stale: (files: string) => `⚠ 손으로 쓴 지식 파일에 예전 내용(이전 업력 제한, "이후 차수 공고 없음")이 남아 있습니다. 승인해도 이 파일들은 바뀌지 않으니 확인해 주세요: ${files}`,
  },
  en: {
    title: (source: string) => `*New round proposal* — read from \`${source}\`. Nothing changes before approval.`,
    read: '*Facts read (with their sentence)*',
    missing: '*Not found in the document* (not guessed: fill them in with Edit, or leave them)',
    noneMissing: 'Not found: nothing',
    diff: '*Files that will change*',
    blocked: (problem: string) => `*Cannot be approved yet*: ${problem}`,
    sections: (count: number) => `${count} parts of the call become knowledge sections:`,
    approve: 'Approve', edit: 'Edit', cancel: 'Cancel',
    fileNew: 'new file', fileChanged: 'changed',
    stale: (files: string) => `⚠ Hand-written knowledge files still state what changes (the old founding-age limit, "no later round announced"). Approval does not edit them; please review: ${files}`,
  },
} satisfies Record<Language, unknown>;

/** The proposal as staff review it: facts with sentences, what is missing, and a diff of the files. */
export function reviewReply(proposalId: string, proposal: RoundProposal, plan: RoundFilePlan, language: Language, surface: 'slack' | 'terminal' = 'slack'): Reply {
  const words = WORDING[language];
  // The terminal shows text as it is; Slack needs document text escaped before it becomes mrkdwn.
  const escapeForSlack = surface === 'slack' ? escapeSlack : (text: string) => text;
  const read = proposal.facts.map((found) =>
    `• ${FIELD_LABELS[found.field][language]}: *${escapeForSlack(formatFactValue(found.field, found.value, language))}* — _${escapeForSlack(found.sentence)}_`);
  const missing = proposal.missing.length === 0
    ? [words.noneMissing]
    : [words.missing, ...proposal.missing.map((field) => `• ${FIELD_LABELS[field][language]} (\`${field}\`)`)];
  const diff = plan.ok ? diffLines(plan, language, escapeForSlack) : [words.blocked(escapeForSlack(plan.problem))];
  const lines = [
    words.title(escapeForSlack(proposal.source)),
    '',
    words.read,
    ...read,
    '',
    ...missing,
    '',
    ...diff,
    '',
    words.sections(proposal.sections.length),
    ...proposal.sections.slice(0, 12).map((section, index) => `${index + 1}. ${escapeForSlack(section.heading)}`),
  ];
  return {
    text: lines.join('\n'),
    ...(plan.ok && plan.stale.length > 0 ? { notes: [words.stale(plan.stale.map((file) => `\`${file}\``).join(', '))] } : {}),
    buttons: [
      ...(plan.ok ? [{ actionId: 'round_approve', label: words.approve, value: proposalId, style: 'primary' as const }] : []),
      { actionId: 'round_edit', label: words.edit, value: proposalId },
      { actionId: 'round_cancel', label: words.cancel, value: proposalId, style: 'danger' as const },
    ],
  };
}

function diffLines(plan: Extract<RoundFilePlan, { ok: true }>, language: Language, escapeForSlack: (text: string) => string): string[] {
  const words = WORDING[language];
  const show = (value: string | number | null | undefined) => (value === null || value === undefined ? '—' : String(value));
  const changes = plan.changes.map((change) =>
    change.before === undefined
      ? `+ ${change.path}: ${show(change.after)}`
      : `~ ${change.path}: ${show(change.before)} → ${show(change.after)}`);
  const files = plan.files.map((file) => `${file.isNew ? '+' : '~'} ${file.path} (${file.isNew ? words.fileNew : words.fileChanged})`);
  return [words.diff, '```', ...files, '', ...changes.map(escapeForSlack), '```'];
}
