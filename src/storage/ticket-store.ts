import type { Language } from '../messages/language.js';
import type { SourceRef } from '../ports/reply.js';
import type { Database } from './database.js';
import type { StaffAnswer, Ticket, TicketAsker, TicketReason, TicketState } from './ticket.js';

interface TicketRow {
  id: number;
  state: TicketState;
  reason: TicketReason;
  question: string;
  itda_answer: string;
  sources_json: string;
  language: Language;
  staff_channel: string | null;
  staff_message_ts: string | null;
  answer_text: string | null;
  answer_language: Language | null;
  answered_by: string | null;
  answered_at: string | null;
  knowledge_entry: string | null;
  duplicate_of: number | null;
  created_at: string;
  updated_at: string;
}

interface AskerRow {
  ticket_id: number;
  user_id: string;
  conversation_id: string | null;
  language: Language;
  answer_id: string | null;
  question: string;
  asked_at: string;
  delivered_at: string | null;
}

export interface NewTicket {
  reason: TicketReason;
  question: string;
  itdaAnswer: string;
  sources: SourceRef[];
  language: Language;
  asker: TicketAsker;
}

/** Tickets and their askers in SQLite (tables from the tickets migration). */
export class SqliteTicketStore {
  /**
   * A new ticket has no asker for the moment between its two inserts, and forget and retention
   * delete tickets without askers: those changes take turns so a cleanup never lands in between.
   */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly database: Database) {}

  create(ticket: NewTicket): Promise<Ticket> {
    return this.inTurn(async () => {
      const at = ticket.asker.askedAt;
      const { lastID } = await this.database.run(
        `INSERT INTO tickets (state, reason, question, itda_answer, sources_json, language, created_at, updated_at)
         VALUES ('open', ?, ?, ?, ?, ?, ?, ?)`,
        [ticket.reason, ticket.question, ticket.itdaAnswer, JSON.stringify(ticket.sources), ticket.language, at, at],
      );
      await this.addAsker(lastID, ticket.asker);
      return (await this.find(lastID))!;
    });
  }

  /** A founder joins a ticket; asking again keeps their first place and updates where to answer. */
  async addAsker(ticketId: number, asker: TicketAsker): Promise<void> {
    await this.database.run(
      `INSERT INTO ticket_askers (ticket_id, user_id, conversation_id, language, answer_id, question, asked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (ticket_id, user_id) DO UPDATE SET conversation_id = excluded.conversation_id, language = excluded.language, answer_id = excluded.answer_id`,
      [ticketId, asker.userId, asker.conversationId ?? null, asker.language, asker.answerId ?? null, asker.question, asker.askedAt],
    );
    await this.database.run('UPDATE tickets SET updated_at = ? WHERE id = ?', [asker.askedAt, ticketId]);
  }

  async find(id: number): Promise<Ticket | undefined> {
    const row = await this.database.get<TicketRow>('SELECT * FROM tickets WHERE id = ?', [id]);
    return row && this.withAskers(row);
  }

  /** The ticket an answer was escalated into, so pressing 👎 and then "ask" opens one ticket. */
  async findByAnswer(answerId: string): Promise<Ticket | undefined> {
    const row = await this.database.get<{ ticket_id: number }>('SELECT ticket_id FROM ticket_askers WHERE answer_id = ?', [answerId]);
    return row ? this.find(row.ticket_id) : undefined;
  }

  async list(states: TicketState[], limit = 100): Promise<Ticket[]> {
    const rows = await this.database.all<TicketRow>(
      `SELECT * FROM tickets WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY created_at, id LIMIT ?`,
      [...states, limit],
    );
    return Promise.all(rows.map((row) => this.withAskers(row)));
  }

  async setStaffMessage(id: number, channel: string, ts: string): Promise<void> {
    await this.database.run('UPDATE tickets SET staff_channel = ?, staff_message_ts = ? WHERE id = ?', [channel, ts, id]);
  }

  async setAnswered(id: number, answer: StaffAnswer, knowledgeEntry: string | undefined): Promise<void> {
    const text = JSON.stringify(answer.text);
    await this.database.run(
      `UPDATE tickets SET state = 'answered', answer_text = ?, answer_language = ?, answered_by = ?, answered_at = ?, knowledge_entry = ?, updated_at = ? WHERE id = ?`,
      [text, answer.language, JSON.stringify({ id: answer.staffId, name: answer.staffName }), answer.answeredAt, knowledgeEntry ?? null, answer.answeredAt, id],
    );
  }

  async setState(id: number, state: TicketState, at: string, duplicateOf?: number): Promise<void> {
    await this.database.run('UPDATE tickets SET state = ?, duplicate_of = ?, updated_at = ? WHERE id = ?', [state, duplicateOf ?? null, at, id]);
  }

  /** Moves a ticket's askers onto another (an asker already there keeps their place). */
  async moveAskers(fromId: number, intoId: number): Promise<void> {
    await this.database.run(
      `INSERT OR IGNORE INTO ticket_askers (ticket_id, user_id, conversation_id, language, answer_id, question, asked_at, delivered_at)
       SELECT ?, user_id, conversation_id, language, answer_id, question, asked_at, delivered_at FROM ticket_askers WHERE ticket_id = ?`,
      [intoId, fromId],
    );
  }

  async markDelivered(ticketId: number, userId: string, at: string): Promise<void> {
    await this.database.run('UPDATE ticket_askers SET delivered_at = ? WHERE ticket_id = ? AND user_id = ?', [at, ticketId, userId]);
  }

  /** Forget: the user's place on every ticket; a ticket nobody else asked goes with it. */
  deleteForUser(userId: string): Promise<number> {
    return this.inTurn(async () => {
      const removed = await this.database.run('DELETE FROM ticket_askers WHERE user_id = ?', [userId]);
      await this.deleteTicketsWithoutAskers();
      return removed.changes;
    });
  }

  /** Retention: askers and tickets older than the cutoff. */
  deleteOlderThan(cutoff: Date): Promise<number> {
    return this.inTurn(async () => {
      const at = cutoff.toISOString();
      const tickets = await this.database.run('DELETE FROM tickets WHERE created_at < ?', [at]);
      const askers = await this.database.run('DELETE FROM ticket_askers WHERE asked_at < ?', [at]);
      await this.deleteTicketsWithoutAskers();
      return tickets.changes + askers.changes;
    });
  }

  private async deleteTicketsWithoutAskers(): Promise<void> {
    await this.database.run('DELETE FROM tickets WHERE id NOT IN (SELECT ticket_id FROM ticket_askers)');
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work, work);
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async withAskers(row: TicketRow): Promise<Ticket> {
    const askers = await this.database.all<AskerRow>('SELECT * FROM ticket_askers WHERE ticket_id = ? ORDER BY asked_at, rowid', [row.id]);
    const by = row.answered_by ? (JSON.parse(row.answered_by) as { id: string; name: string }) : undefined;
    return {
      id: row.id,
      state: row.state,
      reason: row.reason,
      question: row.question,
      itdaAnswer: row.itda_answer,
      sources: JSON.parse(row.sources_json) as SourceRef[],
      language: row.language,
      staffChannel: row.staff_channel ?? undefined,
      staffMessageTs: row.staff_message_ts ?? undefined,
      answer: row.answer_text && by
        ? { text: JSON.parse(row.answer_text) as StaffAnswer['text'], language: row.answer_language ?? row.language, staffId: by.id, staffName: by.name, answeredAt: row.answered_at ?? row.updated_at }
        : undefined,
      knowledgeEntry: row.knowledge_entry ?? undefined,
      duplicateOf: row.duplicate_of ?? undefined,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      askers: askers.map((asker) => ({
        userId: asker.user_id,
        conversationId: asker.conversation_id ?? undefined,
        language: asker.language,
        answerId: asker.answer_id ?? undefined,
        question: asker.question,
        askedAt: asker.asked_at,
        deliveredAt: asker.delivered_at ?? undefined,
      })),
    };
  }
}
