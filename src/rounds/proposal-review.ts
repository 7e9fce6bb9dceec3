import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import type { RoundFilePlan } from './round-files.js';
import type { RoundProposal } from './round-proposal.js';
import { escapeForSlack as escapeSlack, factSentence, fieldLabel, formatFactValue } from './round-wording.js';
import { textIn } from '../messages/messages.js';

/** The proposal as staff review it: facts with sentences, what is missing, and a diff of the files. */
export function reviewReply(proposalId: string, proposal: RoundProposal, plan: RoundFilePlan, language: Language, surface: 'slack' | 'terminal' = 'slack'): Reply {
  const say = textIn(language);
  // The terminal shows text as it is; Slack needs document text escaped before it becomes mrkdwn.
  const escapeForSlack = surface === 'slack' ? escapeSlack : (text: string) => text;
  const read = proposal.facts.map((found) =>
    `• ${fieldLabel(found.field, language)}: *${escapeForSlack(formatFactValue(found.field, found.value, language))}* — _${escapeForSlack(factSentence(found, language))}_`);
  const missing = proposal.missing.length === 0
    ? [say('rounds.reviewNoneMissing')]
    : [say('rounds.reviewMissing'), ...proposal.missing.map((field) => `• ${fieldLabel(field, language)} (\`${field}\`)`)];
  const diff = plan.ok ? diffLines(plan, language, escapeForSlack) : [say('rounds.reviewBlocked', { problem: escapeForSlack(plan.problem) })];
  const lines = [
    say('rounds.reviewTitle', { source: escapeForSlack(proposal.source) }),
    '',
    say('rounds.reviewRead'),
    ...read,
    '',
    ...missing,
    '',
    ...diff,
    '',
    say('rounds.reviewSections', { count: proposal.sections.length }),
    ...proposal.sections.slice(0, 12).map((section, index) => `${index + 1}. ${escapeForSlack(section.heading)}`),
  ];
  return {
    text: lines.join('\n'),
    ...(plan.ok && plan.stale.length > 0 ? { notes: [say('rounds.reviewStale', { files: plan.stale.map((file) => `\`${file}\``).join(', ') })] } : {}),
    buttons: [
      ...(plan.ok ? [{ actionId: 'round_approve', label: say('rounds.reviewApprove'), value: proposalId, style: 'primary' as const }] : []),
      { actionId: 'round_edit', label: say('rounds.reviewEdit'), value: proposalId },
      { actionId: 'round_cancel', label: say('rounds.reviewCancel'), value: proposalId, style: 'danger' as const },
    ],
  };
}

function diffLines(plan: Extract<RoundFilePlan, { ok: true }>, language: Language, escapeForSlack: (text: string) => string): string[] {
  const say = textIn(language);
  const show = (value: string | number | null | undefined) => (value === null || value === undefined ? '—' : String(value));
  const changes = plan.changes.map((change) =>
    change.before === undefined
      ? `+ ${change.path}: ${show(change.after)}`
      : `~ ${change.path}: ${show(change.before)} → ${show(change.after)}`);
  const files = plan.files.map((file) => `${file.isNew ? '+' : '~'} ${file.path} (${file.isNew ? say('rounds.reviewFileNew') : say('rounds.reviewFileChanged')})`);
  return [say('rounds.reviewDiff'), '```', ...files, '', ...changes.map(escapeForSlack), '```'];
}
