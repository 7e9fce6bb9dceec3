import type { AnswerKind } from '../ports/capabilities.js';
import type { Language } from '../messages/language.js';
import type { Database } from './database.js';

export interface AnswerContext {
  answerId: string;
  userId: string;
  conversationId?: string;
  language: Language;
  kind: AnswerKind;
  createdAt: string;
}

/**
 * Where and how each answer was given. The answers table keeps what was said; this keeps where
 * (so a 👎 pressed later can send the staff answer back to the same thread) and its kind (for the
 * staff analytics). Covered by forget and retention like the answers themselves.
 */
export class SqliteAnswerContexts {
  constructor(private readonly database: Database) {}

  async record(context: AnswerContext): Promise<void> {
    await this.database.write(
      'INSERT OR REPLACE INTO answer_contexts (answer_id, user_id, conversation_id, language, kind, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [context.answerId, context.userId, context.conversationId ?? null, context.language, context.kind, context.createdAt],
    );
  }

  async find(answerId: string): Promise<AnswerContext | undefined> {
    const row = await this.database.get<{ answer_id: string; user_id: string; conversation_id: string | null; language: Language; kind: AnswerKind; created_at: string }>(
      'SELECT * FROM answer_contexts WHERE answer_id = ?',
      [answerId],
    );
    return row && { answerId: row.answer_id, userId: row.user_id, conversationId: row.conversation_id ?? undefined, language: row.language, kind: row.kind, createdAt: row.created_at };
  }

  async deleteForUser(userId: string): Promise<number> {
    return (await this.database.run('DELETE FROM answer_contexts WHERE user_id = ?', [userId])).changes;
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    return (await this.database.run('DELETE FROM answer_contexts WHERE created_at < ?', [cutoff.toISOString()])).changes;
  }
}

/** An answer as the founder saw it, with where they saw it: what a 👎 or "ask" escalates. */
export interface AnsweredQuestion extends AnswerContext {
  question: string;
  answer: string;
  sources: import('../ports/reply.js').SourceRef[];
}

export async function findAnsweredQuestion(database: Database, answerId: string): Promise<AnsweredQuestion | undefined> {
  const row = await database.get<{ user_id: string; question: string; answer: string; sources_json: string; created_at: string; conversation_id: string | null; language: Language | null; kind: AnswerKind | null }>(
    `SELECT a.user_id, a.question, a.answer, a.sources_json, a.created_at, c.conversation_id, c.language, c.kind
     FROM answers a LEFT JOIN answer_contexts c ON c.answer_id = a.answer_id WHERE a.answer_id = ?`,
    [answerId],
  );
  if (!row) return undefined;
  return {
    answerId,
    userId: row.user_id,
    question: row.question,
    answer: row.answer,
    sources: JSON.parse(row.sources_json) as AnsweredQuestion['sources'],
    conversationId: row.conversation_id ?? undefined,
    language: row.language ?? 'ko',
    kind: row.kind ?? 'answer',
    createdAt: row.created_at,
  };
}
