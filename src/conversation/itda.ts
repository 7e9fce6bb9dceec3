import { randomUUID } from 'node:crypto';
import type { Logger } from '../observability/logger.js';
import type { StaffAccess } from '../access/staff-access.js';
import type { ProgramFacts } from '../program/program-facts.js';
import type { DraftRepository } from '../pre-application/draft-repository.js';
import type { PreApplication, QuestionAnswering, TeamMatching } from './capabilities.js';
import type { AuditLog, ConversationHistory, FeedbackStore, Vote } from './ports.js';
import type { Language, Reply } from './reply.js';
import { detectLanguage } from './detect-language.js';
import { parseSlashCommand, parseTypedCommand, type ParsedCommand } from './commands.js';
import { SerialQueue } from './serial-queue.js';
import { CommandHandlers } from './command-handlers.js';

export interface PersonalDataGuard {
  redact(text: string): { text: string; kinds: string[] };
  warning(kinds: string[], language: Language): string;
}

export interface ItdaDependencies {
  questionAnswering: QuestionAnswering;
  matching?: TeamMatching;
  preApplication?: PreApplication;
  programFacts: () => ProgramFacts;
  history: ConversationHistory;
  feedback: FeedbackStore;
  audit: AuditLog;
  drafts: DraftRepository;
  staff: StaffAccess;
  personalData?: PersonalDataGuard;
  /** Posts a notice to the program staff channel (Slack); absent in the terminal. */
  notifyStaff?: (reply: Reply) => Promise<void>;
  now: () => Date;
  logger: Logger;
}

export interface IncomingMessage {
  userId: string;
  /** Where the conversation lives: a Slack thread, a DM, or the terminal session. */
  conversationId: string;
  text: string;
}

const HISTORY_TURNS = 6;

/**
 * The engine behind every surface. Slack listeners and the terminal chat both call it; it
 * redacts personal data first, routes the message to a capability, and records the turns.
 */
export class Itda {
  private readonly queue = new SerialQueue();
  private readonly commands: CommandHandlers;

  constructor(private readonly deps: ItdaDependencies) {
    this.commands = new CommandHandlers(deps);
  }

  /** A free-text message (mention, DM, thread follow-up, assistant pane, terminal line). */
  respond(message: IncomingMessage): Promise<Reply[]> {
    return this.queue.run(`${message.conversationId}|${message.userId}`, () => this.route(message));
  }

  /** The body of a `/itda …` slash command. */
  command(message: IncomingMessage): Promise<Reply[]> {
    return this.queue.run(`${message.conversationId}|${message.userId}`, async () => {
      const { text, notice, language } = this.redact(message.text);
      const parsed = parseSlashCommand(text);
      const replies = await this.commands.run(parsed, message.userId, language, parsed.unknown);
      return withNotice(replies, notice);
    });
  }

  /** A button press: feedback, export, submit, staff "팀 추천", forget confirmation. */
  action(userId: string, actionId: string, value: string, language: Language = 'ko'): Promise<Reply[]> {
    return this.commands.action(userId, actionId, value, language);
  }

  isKnownConversation(conversationId: string): Promise<boolean> {
    return this.deps.history.hasConversation(conversationId);
  }

  home(userId: string): ReturnType<CommandHandlers['home']> {
    return this.commands.home(userId);
  }

  recordVote(answerId: string, userId: string, vote: Vote): Promise<boolean> {
    return this.deps.feedback.recordVote(answerId, userId, vote, this.deps.now());
  }

  /** Waits for in-flight messages (graceful shutdown). */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  private redact(raw: string): { text: string; notice?: string; language: Language } {
    const trimmed = raw.trim();
    const guard = this.deps.personalData;
    if (!guard) return { text: trimmed, language: detectLanguage(trimmed) };
    const { text, kinds } = guard.redact(trimmed);
    const language = detectLanguage(text);
    return { text, language, notice: kinds.length > 0 ? guard.warning(kinds, language) : undefined };
  }

  private async route(message: IncomingMessage): Promise<Reply[]> {
    const { text, notice, language } = this.redact(message.text);
    const { userId, conversationId } = message;
    const replies = await this.repliesFor(text, userId, conversationId, language);
    const now = this.deps.now().toISOString();
    await this.deps.history.append({ conversationId, userId, role: 'user', text, createdAt: now });
    await this.deps.history.append({ conversationId, userId, role: 'assistant', text: replies.map((reply) => reply.text).join('\n'), createdAt: now });
    return withNotice(replies, notice);
  }

  private async repliesFor(text: string, userId: string, conversationId: string, language: Language): Promise<Reply[]> {
    if (text === '') return [{ text: this.commands.emptyMessageText(language) }];
    const typed = parseTypedCommand(text);
    const preApplication = this.deps.preApplication;
    if (typed?.name !== undefined && /^\/itda\b/i.test(text)) return this.commands.run(typed, userId, language);
    if (preApplication && (await preApplication.hasActiveDraft(userId))) return preApplication.handle(userId, text, language);
    if (typed) return this.commands.run(typed, userId, language);
    if (preApplication?.isStartRequest(text)) return preApplication.start(userId, language);
    return this.answer(text, userId, conversationId, language);
  }

  private async answer(question: string, userId: string, conversationId: string, language: Language): Promise<Reply[]> {
    const history = await this.deps.history.recent(conversationId, HISTORY_TURNS);
    return this.commands.answer(question, userId, language, history);
  }
}

function withNotice(replies: Reply[], notice: string | undefined): Reply[] {
  if (!notice || replies.length === 0) return replies;
  const [first, ...rest] = replies as [Reply, ...Reply[]];
  return [{ ...first, notes: [notice, ...(first.notes ?? [])] }, ...rest];
}

export function newAnswerId(): string {
  return randomUUID().slice(0, 8);
}

export type { ParsedCommand };
