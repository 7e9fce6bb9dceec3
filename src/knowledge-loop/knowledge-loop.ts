import type { StaffAccess } from '../access/staff-access.js';
import type { AuditLog } from '../ports/stores.js';
import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import type { Database } from '../storage/database.js';
import type { Logger } from '../observability/logger.js';
import { findAnsweredQuestion, type SqliteAnswerContexts, type AnsweredQuestion } from '../storage/answer-contexts.js';
import type { KnowledgeLookup, KnowledgeSectionChoice, TicketBoard, Translator } from './knowledge-loop-ports.js';
import { text } from '../messages/messages.js';
import { staffAnswerReplies } from './staff-answer-reply.js';
import { readStaffAnswers, saveStaffAnswer, updateStaffAnswer, type StaffAnswerEntry } from '../knowledge/staff-answers-file.js';
import { staffAnalytics } from './knowledge-loop-report.js';
import type { StaffLoopSummary } from './staff-loop-summary.js';
import type { SimilarQuestionFinder } from './similar-question.js';
import type { StaffAnswer, Ticket, TicketReason } from '../storage/ticket.js';
import type { SqliteTicketStore } from '../storage/ticket-store.js';

export interface KnowledgeLoopDependencies {
  database: Database;
  /** The storage's own stores, so forget and retention take turns with ticket creation (ticket-store.ts). */
  tickets: SqliteTicketStore;
  contexts: SqliteAnswerContexts;
  audit: AuditLog;
  staff: StaffAccess;
  similarity: SimilarQuestionFinder;
  knowledgeDir: string;
  now: () => Date;
  knowledge?: KnowledgeLookup;
  /** Set by the Slack adapter once its client exists; absent in the terminal. */
  board?: TicketBoard;
  translator?: Translator;
  logger?: Logger;
  /** The program's rounds, to count drafts per round. */
  rounds?: () => { id: string; deadline: string }[];
}

export interface StaffAnswerInput {
  text: Partial<Record<Language, string>>;
  language: Language;
  staffName: string;
  addToKnowledge: boolean;
  /** Wordings of the question for the knowledge entry; the askers' own by default. */
  phrasings?: string[];
}

export type StaffOutcome = { ok: true; ticket: Ticket; delivered: number; knowledgeEntry?: string } | { ok: false; problem: string };

/**
 * The program office's knowledge loop: an unanswered question becomes a ticket (or joins the
 * open one asking the same), a staff answer goes back to everyone who asked, and, when staff
 * say so, into knowledge/staff-answers.yaml so Itda answers it next time. Every staff step asks
 * StaffAccess first and is audited (ticket ids only: the audit log is kept, questions are not).
 */
export class KnowledgeLoop {
  readonly tickets: SqliteTicketStore;
  readonly contexts: SqliteAnswerContexts;

  constructor(private readonly deps: KnowledgeLoopDependencies) {
    this.tickets = deps.tickets;
    this.contexts = deps.contexts;
  }

  set board(board: TicketBoard | undefined) {
    this.deps.board = board;
  }

  /** Every answer Itda gives passes here; a no-source one opens a ticket. Returns the founder's one-line notice. */
  async answered(answer: AnsweredQuestion): Promise<string | undefined> {
    await this.contexts.record(answer);
    if (answer.kind !== 'no_source') return undefined;
    return (await this.openTicket('no_source', answer)).notice;
  }

  /** 👎 or "담당자에게 묻기" on an answer: only its asker may send it, and only once. */
  async escalate(answerId: string, userId: string, reason: Exclude<TicketReason, 'no_source'>, fallbackLanguage: Language): Promise<string> {
    const answer = await findAnsweredQuestion(this.deps.database, answerId);
    if (!answer) return text(fallbackLanguage, 'tickets.gone');
    if (answer.userId !== userId) return text(answer.language, 'tickets.notYours');
    const existing = await this.tickets.findByAnswer(answerId);
    if (existing) return text(answer.language, 'tickets.alreadySent', { id: existing.id });
    return (await this.openTicket(reason, answer)).notice;
  }

  async answer(staffId: string, ticketId: number, input: StaffAnswerInput): Promise<StaffOutcome> {
    const checked = await this.staffTicket(staffId, ticketId);
    if (!checked.ok) return checked;
    const text = Object.fromEntries(Object.entries(input.text).map(([language, value]) => [language, value?.trim()]).filter(([, value]) => value)) as StaffAnswer['text'];
    if (!text[input.language]) return { ok: false, problem: `the answer in ${input.language} is empty: write the answer text` };
    const answeredAt = this.today();
    const answer: StaffAnswer = { text, language: input.language, staffId, staffName: input.staffName, answeredAt };
    let knowledgeEntry: string | undefined;
    if (input.addToKnowledge) {
      knowledgeEntry = `ticket-${ticketId}`;
      const phrasings = input.phrasings?.map((line) => line.trim()).filter(Boolean);
      await saveStaffAnswer(this.deps.knowledgeDir, {
        id: knowledgeEntry,
        status: 'active',
        questions: phrasings?.length ? phrasings : distinct([checked.ticket.question, ...checked.ticket.askers.map((asker) => asker.question)]),
        answer: text,
        staff: input.staffName,
        answered_at: answeredAt,
        as_of: answeredAt,
        ticket: ticketId,
      });
      await this.deps.knowledge?.refresh();
    }
    await this.tickets.setAnswered(ticketId, answer, knowledgeEntry);
    const delivered = await this.deliver(checked.ticket, (language) => staffAnswerReplies(answer, language, this.deps.translator));
    await this.deps.audit.record({ actorId: staffId, action: 'ticket_answered', detail: { ticket: ticketId, delivered, knowledgeEntry } }, this.deps.now());
    return this.refreshed(ticketId, delivered, knowledgeEntry);
  }

  /** "이미 답변 있음": the askers get the existing section, cited, and the ticket is answered. */
  async pointToSection(staffId: string, ticketId: number, ref: string, staffName: string): Promise<StaffOutcome> {
    const checked = await this.staffTicket(staffId, ticketId);
    if (!checked.ok) return checked;
    const lookup = this.deps.knowledge;
    const chosen = lookup?.section(ref, checked.ticket.language);
    if (!lookup || !chosen) return { ok: false, problem: `no knowledge section "${ref}": pick one from the list` };
    const answeredAt = this.today();
    await this.tickets.setAnswered(ticketId, { text: { [checked.ticket.language]: chosen.text }, language: checked.ticket.language, staffId, staffName, answeredAt }, ref);
    const delivered = await this.deliver(checked.ticket, async (language) => {
      const section = lookup.section(ref, language) ?? chosen;
      return { text: `${text(language, 'tickets.pointerLabel', { name: staffName, date: answeredAt })}\n${section.text}`, sources: [section.citation] };
    });
    await this.deps.audit.record({ actorId: staffId, action: 'ticket_pointed', detail: { ticket: ticketId, section: ref, delivered } }, this.deps.now());
    return this.refreshed(ticketId, delivered, ref);
  }

  async resolve(staffId: string, ticketId: number): Promise<StaffOutcome> {
    const checked = await this.staffTicket(staffId, ticketId, true);
    if (!checked.ok) return checked;
    await this.tickets.setState(ticketId, 'resolved', this.deps.now().toISOString());
    await this.deps.audit.record({ actorId: staffId, action: 'ticket_resolved', detail: { ticket: ticketId } }, this.deps.now());
    return this.refreshed(ticketId, 0);
  }

  /** Two tickets that turned out to ask the same thing: the askers move to `intoId`, which answers them all. */
  async markDuplicate(staffId: string, ticketId: number, intoId: number): Promise<StaffOutcome> {
    const checked = await this.staffTicket(staffId, ticketId);
    if (!checked.ok) return checked;
    const target = await this.staffTicket(staffId, intoId);
    if (!target.ok) return target;
    if (ticketId === intoId) return { ok: false, problem: 'a ticket cannot be a duplicate of itself' };
    await this.tickets.moveAskers(ticketId, intoId);
    await this.tickets.setState(ticketId, 'duplicate', this.deps.now().toISOString(), intoId);
    await this.deps.audit.record({ actorId: staffId, action: 'ticket_duplicate', detail: { ticket: ticketId, into: intoId } }, this.deps.now());
    await this.refreshed(intoId, 0);
    return this.refreshed(ticketId, 0);
  }

  /** Staff App Home: analytics, open tickets, the staff answers Itda answers from. */
  async summary(): Promise<StaffLoopSummary> {
    const analytics = await staffAnalytics(this.deps.database, this.deps.now(), this.deps.rounds?.() ?? []);
    const openTickets = await this.tickets.list(['open'], 20);
    try {
      return { now: this.deps.now().toISOString(), analytics, openTickets, staffAnswers: readStaffAnswers(this.deps.knowledgeDir) };
    } catch (error) {
      return { now: this.deps.now().toISOString(), analytics, openTickets, staffAnswers: [], staffAnswersProblem: (error as Error).message };
    }
  }

  /** Edits or retires a knowledge entry from App Home; picked up by the index at once. */
  async changeStaffAnswer(staffId: string, id: string, change: (entry: StaffAnswerEntry) => StaffAnswerEntry, action: 'edit' | 'retire'): Promise<StaffAnswerEntry | undefined> {
    if (!(await this.deps.staff.isStaff(staffId))) return undefined;
    const changed = await updateStaffAnswer(this.deps.knowledgeDir, id, change);
    if (!changed) return undefined;
    await this.deps.knowledge?.refresh();
    await this.deps.audit.record({ actorId: staffId, action: `staff_answer_${action}`, detail: { entry: id } }, this.deps.now());
    return changed;
  }

  /** A ticket for a staff member's screen (modal, CLI); undefined for anyone else. */
  async ticketForStaff(staffId: string, ticketId: number): Promise<Ticket | undefined> {
    if (!(await this.deps.staff.isStaff(staffId))) return undefined;
    return this.tickets.find(ticketId);
  }

  /** "이미 답변 있음": the sections the knowledge search finds for the ticket's question. */
  async sectionChoices(ticket: Ticket): Promise<KnowledgeSectionChoice[]> {
    return (await this.deps.knowledge?.candidates(ticket.question, 10)) ?? [];
  }

  async staffAnswerEntry(staffId: string, id: string): Promise<StaffAnswerEntry | undefined> {
    if (!(await this.deps.staff.isStaff(staffId))) return undefined;
    return readStaffAnswers(this.deps.knowledgeDir).find((entry) => entry.id === id);
  }

  async isStaff(userId: string): Promise<boolean> {
    return this.deps.staff.isStaff(userId);
  }

  async forgetUser(userId: string): Promise<number> {
    return (await this.tickets.deleteForUser(userId)) + (await this.contexts.deleteForUser(userId));
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    return (await this.tickets.deleteOlderThan(cutoff)) + (await this.contexts.deleteOlderThan(cutoff));
  }

  private async openTicket(reason: TicketReason, answer: AnsweredQuestion): Promise<{ ticket: Ticket; notice: string }> {
    const asker = { userId: answer.userId, conversationId: answer.conversationId, language: answer.language, answerId: answer.answerId, question: answer.question, askedAt: this.deps.now().toISOString() };
    const open = await this.tickets.list(['open']);
    const same = await this.deps.similarity.nearest(answer.question, open.map((ticket) => ({ id: String(ticket.id), texts: [ticket.question, ...ticket.askers.map((other) => other.question)] })));
    let ticket: Ticket;
    if (same) {
      await this.tickets.addAsker(Number(same.id), asker);
      ticket = (await this.tickets.find(Number(same.id)))!;
    } else {
      ticket = await this.tickets.create({ reason, question: answer.question, itdaAnswer: answer.answer, sources: answer.sources, language: answer.language, asker });
    }
    await this.deps.audit.record({ actorId: answer.userId, action: same ? 'ticket_joined' : 'ticket_opened', detail: { ticket: ticket.id, reason } }, this.deps.now());
    await this.show(ticket);
    return { ticket, notice: text(answer.language, 'tickets.sent', { id: ticket.id }) };
  }

  private async deliver(ticket: Ticket, replyFor: (language: Language) => Promise<Reply>): Promise<number> {
    const board = this.deps.board;
    if (!board) return 0;
    let delivered = 0;
    for (const asker of ticket.askers) {
      // One asker Slack cannot reach (left the workspace, closed DM) does not keep the answer from the others.
      try {
        await board.deliver(asker, await replyFor(asker.language));
        await this.tickets.markDelivered(ticket.id, asker.userId, this.deps.now().toISOString());
        delivered += 1;
      } catch (error) {
        this.deps.logger?.error({ err: error, ticket: ticket.id, userId: asker.userId }, 'staff answer not delivered');
      }
    }
    return delivered;
  }

  /** A staff channel Slack refuses never costs the founder their answer: the ticket is stored and listed either way. */
  private async show(ticket: Ticket): Promise<void> {
    try {
      const where = await this.deps.board?.show(ticket);
      if (where && !ticket.staffMessageTs) await this.tickets.setStaffMessage(ticket.id, where.channel, where.ts);
    } catch (error) {
      this.deps.logger?.error({ err: error, ticket: ticket.id }, 'ticket not shown in the staff channel');
    }
  }

  private async refreshed(ticketId: number, delivered: number, knowledgeEntry?: string): Promise<StaffOutcome> {
    const ticket = (await this.tickets.find(ticketId))!;
    await this.show(ticket);
    return { ok: true, ticket, delivered, knowledgeEntry };
  }

  private async staffTicket(staffId: string, ticketId: number, allowAnswered = false): Promise<{ ok: true; ticket: Ticket } | { ok: false; problem: string }> {
    if (!(await this.deps.staff.isStaff(staffId))) return { ok: false, problem: 'staff only' };
    const ticket = await this.tickets.find(ticketId);
    if (!ticket) return { ok: false, problem: `no ticket #${ticketId}: list them with \`tickets\`` };
    const allowed = allowAnswered ? ['open', 'answered'] : ['open'];
    if (!allowed.includes(ticket.state)) return { ok: false, problem: `ticket #${ticketId} is already ${ticket.state}` };
    return { ok: true, ticket };
  }

  private today(): string {
    return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul' }).format(this.deps.now());
  }
}

function distinct(texts: string[]): string[] {
  return [...new Set(texts.map((text) => text.trim()).filter(Boolean))];
}
