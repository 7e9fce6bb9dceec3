/**
 * The /itda subcommands. The same words work typed in a DM, the assistant pane or the terminal
 * ("/itda help", "help", "도움말").
 */
export type CommandName = 'help' | 'ask' | 'apply' | 'plan' | 'match' | 'deadline' | 'eligibility' | 'forget' | 'subscribe' | 'unsubscribe';

export interface ParsedCommand {
  name: CommandName;
  argument: string;
}

const ALIASES: Record<string, CommandName> = {
  help: 'help', '도움말': 'help', '사용법': 'help',
  ask: 'ask', '질문': 'ask',
  apply: 'apply', '신청': 'apply', '신청서': 'apply',
  plan: 'plan', '계획서': 'plan', '초안': 'plan',
  match: 'match', '매칭': 'match', '팀추천': 'match',
  deadline: 'deadline', '마감': 'deadline', '마감일': 'deadline',
  eligibility: 'eligibility', '자격': 'eligibility', '자격확인': 'eligibility',
  forget: 'forget', '삭제': 'forget', '내정보삭제': 'forget',
  subscribe: 'subscribe', '구독': 'subscribe', '알림신청': 'subscribe',
  unsubscribe: 'unsubscribe', '구독취소': 'unsubscribe', '알림해제': 'unsubscribe',
};

/** Parses a slash-command body ("ask 지원금은?"). Unknown or empty → help, as Slack users expect. */
export function parseSlashCommand(text: string): ParsedCommand & { unknown?: string } {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const name = ALIASES[first.toLowerCase()];
  if (!name) return { name: 'help', argument: '', unknown: first || undefined };
  return { name, argument: rest.join(' ').trim() };
}

/** In free text only an explicit "/itda …" or a bare command word counts as a command. */
export function parseTypedCommand(text: string): (ParsedCommand & { unknown?: string }) | undefined {
  const trimmed = text.trim();
  if (/^\/itda\b/i.test(trimmed)) return parseSlashCommand(trimmed.replace(/^\/itda\b/i, ''));
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const name = ALIASES[first.toLowerCase()];
  const bareWords: CommandName[] = ['help', 'deadline', 'apply', 'plan', 'forget'];
  if (name && rest.length === 0 && bareWords.includes(name)) return { name, argument: '' };
  if (name === 'match' || name === 'eligibility' || (name === 'ask' && first.toLowerCase() === 'ask')) {
    return { name, argument: rest.join(' ') };
  }
  return undefined;
}
