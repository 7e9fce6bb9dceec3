import type { Vote } from '../ports/stores.js';
import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import { detectLanguage } from '../messages/detect-language.js';
import { parseSlashCommand, parseTypedCommand } from './commands.js';
import { SerialQueue } from './serial-queue.js';
import { CommandHandlers } from './command-handlers.js';
import { RateLimiter } from './rate-limiter.js';
import { storageTime } from './storage-clock.js';
import { text as messageText } from '../messages/messages.js';
import type { ItdaDependencies } from './itda-dependencies.js';

export interface IncomingMessage {
  userId: string;
  /** Where the conversation lives: a Slack thread, a DM, or the terminal session. */
  conversationId: string;
  text: string;
}

const HISTORY_TURNS = 6;
/**
 * Conversations answered at the same moment; the rest wait their turn (serial-queue.ts says why).
 * It also bounds concurrent calls to the LLM provider when one is configured.
 */
const ANSWERING_AT_ONCE = 8;
/** Slack allows 40,000 characters; nobody's question needs more than this. */
export const MESSAGE_LIMIT = 4000;

interface PreparedText {
  text: string;
  language: Language;
  notices: string[];
}

/**
 * The engine behind every surface. Slack listeners and the terminal chat both call it; it
 * redacts personal data first, routes the message to a capability, and records the turns.
 */
export class Itda {
  private readonly queue = new SerialQueue(ANSWERING_AT_ONCE);
  private readonly commands: CommandHandlers;
  private readonly rateLimiter: RateLimiter;
  /** Each user's latest language, so a button press (which carries no text) answers in it. */
  private readonly languages = new Map<string, Language>();

  constructor(private readonly deps: ItdaDependencies) {
    this.commands = new CommandHandlers(deps);
    this.rateLimiter = new RateLimiter(deps.rateLimitPerMinute ?? 20);
  }

  /** A free-text message (mention, DM, thread follow-up, assistant pane, terminal line). */
  respond(message: IncomingMessage): Promise<Reply[]> {
    return this.queue.run(`${message.conversationId}|${message.userId}`, () => this.route(message));
  }

  /** The body of a `/itda …` slash command. */
  command(message: IncomingMessage): Promise<Reply[]> {
    return this.queue.run(`${message.conversationId}|${message.userId}`, async () => {
      const { text, notices } = this.prepare(message.text);
      const parsed = parseSlashCommand(text);
      // Slash commands are English words: they never switch the user's language; an argument may say which to answer in.
      const known = this.languages.get(message.userId);
      const language = detectLanguage(parsed.argument, known ?? 'ko');
      if (!known) this.languages.set(message.userId, language);
      if (!this.rateLimiter.allow(message.userId, storageTime(this.deps).getTime())) return [this.commands.slowDown(language)];
      const replies = await this.commands.run(parsed, message.userId, language, parsed.unknown);
      return withNotices(replies, notices);
    });
  }

  /** A button press: feedback, export, submit, staff "팀 추천", forget confirmation. */
  action(userId: string, actionId: string, value: string, language?: Language): Promise<Reply[]> {
    const chosen = language ?? this.languageOf(userId);
    // Buttons share the per-user limit with messages: a Word export is heavier than a question.
    if (!this.rateLimiter.allow(userId, storageTime(this.deps).getTime())) return Promise.resolve([this.commands.slowDown(chosen)]);
    return this.commands.action(userId, actionId, value, chosen);
  }

  /** Text shown back outside a reply (e.g. an assistant thread's title), personal data removed. */
  redactForDisplay(text: string): string {
    return this.deps.personalData?.redact(text).text ?? text;
  }

  languageOf(userId: string): Language {
    return this.languages.get(userId) ?? 'ko';
  }

  isKnownConversation(conversationId: string): Promise<boolean> {
    return this.deps.history.hasConversation(conversationId);
  }

  home(userId: string): ReturnType<CommandHandlers['home']> {
    return this.commands.home(userId);
  }

  recordVote(answerId: string, userId: string, vote: Vote): Promise<boolean> {
    if (!this.rateLimiter.allow(userId, storageTime(this.deps).getTime())) return Promise.resolve(false);
    return this.deps.feedback.recordVote(answerId, userId, vote, storageTime(this.deps));
  }

  /** 👎 or "담당자에게 묻기" on an answer: sends it to the program office; the one-line notice for the founder. */
  escalate(answerId: string, userId: string, reason: 'negative_feedback' | 'asked_staff'): Promise<string | undefined> {
    return this.deps.knowledgeLoop?.escalate(answerId, userId, reason, this.languageOf(userId)) ?? Promise.resolve(undefined);
  }

  /** Waits for in-flight messages (graceful shutdown). */
  drain(): Promise<void> {
    return this.queue.drain();
  }

  /**
   * Everything a message goes through before anything stores, logs, embeds or sends it on:
   * personal data redacted, overlong text cut, each with a notice for the user.
   */
  private prepare(raw: string): PreparedText {
    let text = raw.trim();
    const notices: string[] = [];
    const guard = this.deps.personalData;
    const redaction = guard?.redact(text);
    if (redaction) text = redaction.text;
    const language = detectLanguage(withoutEmojiCodes(text));
    if (guard && redaction && redaction.kinds.length > 0) notices.push(guard.warning(redaction.kinds, language));
    if (text.length > MESSAGE_LIMIT) {
      text = text.slice(0, MESSAGE_LIMIT);
      notices.push(messageText(language, 'conversation.messageTruncated', { limit: MESSAGE_LIMIT.toLocaleString('en-US') }));

    }
    return { text, language, notices };
  }

  private async route(message: IncomingMessage): Promise<Reply[]> {
    const prepared = this.prepare(message.text);
    const { text, notices } = prepared;
    const { userId, conversationId } = message;
    // "/itda plan" typed in a chat is English words too: the user's language stays.
    const language = /^\/itda\b/i.test(text) ? this.languageOf(userId) : prepared.language;
    this.languages.set(userId, language);
    if (!this.rateLimiter.allow(userId, storageTime(this.deps).getTime())) return [this.commands.slowDown(language)];
    const replies = await this.repliesFor(text, userId, conversationId, language, () => this.formText(message.text, text, userId));
    const now = storageTime(this.deps).toISOString();
    // Staff-only replies (team matches) never enter the shared history: in a thread, another
    // user's next question would carry them into the model prompt.
    const shared = replies.filter((reply) => !reply.staffOnly);
    if (shared.length === 0 && replies.length > 0) return withNotices(replies, notices);
    const answered = shared.map((reply) => reply.text).join('\n');
    // Replies can echo what the form kept (the contact e-mail); history keeps neither.
    const storedAnswer = this.deps.personalData?.redact(answered).text ?? answered;
    // Both turns in one SQLite transaction (write-queue.ts); the queue keeps their order.
    await Promise.all([
      this.deps.history.append({ conversationId, userId, role: 'user', text, createdAt: now }),
      this.deps.history.append({ conversationId, userId, role: 'assistant', text: storedAnswer, createdAt: now }),
    ]);
    return withNotices(replies, notices);
  }

  /**
   * The form sees the applicant's own contact e-mail when that is what it asked for; history,
   * logs and every other capability only ever see the fully redacted text.
   */
  private async formText(raw: string, redacted: string, userId: string): Promise<string> {
    const keep = (await this.deps.preApplication?.personalDataAsked(userId)) ?? [];
    if (keep.length === 0 || !this.deps.personalData) return redacted;
    return this.deps.personalData.redact(raw.trim(), keep).text.slice(0, MESSAGE_LIMIT);
  }

  private async repliesFor(
    text: string,
    userId: string,
    conversationId: string,
    language: Language,
    formText: () => Promise<string>,
  ): Promise<Reply[]> {
    if (!/[\p{L}\p{N}]/u.test(withoutEmojiCodes(text))) return [{ text: this.commands.emptyMessageText(language) }];
    const typed = parseTypedCommand(text);
    const preApplication = this.deps.preApplication;
    // "/itda apply" typed in a chat reads like the slash command: Korean unless the argument is English.
    if (typed && /^\/itda\b/i.test(text)) {
      const commandLanguage = detectLanguage(typed.argument, language);
      return this.commands.run(typed, userId, commandLanguage, typed.unknown);
    }
    if (preApplication && (await preApplication.hasActiveDraft(userId, text))) return preApplication.handle(userId, await formText(), language);
    if (typed) return this.commands.run(typed, userId, language);
    if (preApplication?.isStartRequest(text)) return preApplication.start(userId, language);
    return this.answer(text, userId, conversationId, language);
  }

  private async answer(question: string, userId: string, conversationId: string, language: Language): Promise<Reply[]> {
    const history = await this.deps.history.recent(conversationId, HISTORY_TURNS);
    return this.commands.answer(question, userId, language, history, conversationId);
  }
}

/** Slack sends emoji as ":tada:" codes; a message of only those says nothing, in no language. */
function withoutEmojiCodes(text: string): string {
  return text.replace(/:[a-z0-9_+'-]+:/gi, ' ');
}

function withNotices(replies: Reply[], notices: string[]): Reply[] {
  if (notices.length === 0 || replies.length === 0) return replies;
  const [first, ...rest] = replies as [Reply, ...Reply[]];
  return [{ ...first, authorNotes: [...notices, ...(first.authorNotes ?? [])] }, ...rest];
}
