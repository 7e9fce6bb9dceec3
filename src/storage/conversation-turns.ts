import type { ConversationTurn, ConversationHistory } from '../ports/stores.js';
import { z } from 'zod';
import { CallsOfOneTurn } from './calls-of-one-turn.js';
import type { Database } from './database.js';

/** A stored turn as it must read back; a row that does not (a role an old version wrote, no text) is left out of the context, never thrown. */
const storedTurn = z.object({
  conversation_id: z.string(),
  user_id: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  created_at: z.string(),
});

interface Read {
  conversationId: string;
  limit: number;
}

/** Conversations per grouped read (one JSON array parameter). */
const CONVERSATIONS_PER_READ = 200;

/**
 * The last turns of every conversation asked for together, one query: the newest `limit` of each
 * (by the index on conversation_id, id), oldest first.
 */
const RECENT_OF_MANY = `SELECT conversation_id, user_id, role, text, created_at FROM (
    SELECT t.*, row_number() OVER (PARTITION BY t.conversation_id ORDER BY t.id DESC) AS newest
    FROM conversation_turns t WHERE t.conversation_id IN (SELECT value FROM json_each(?))
  ) WHERE newest <= ? ORDER BY id ASC`;

export class SqliteConversationHistory implements ConversationHistory {
  private readonly reads = new CallsOfOneTurn<Read, ConversationTurn[]>(CONVERSATIONS_PER_READ, (batch) => this.readTogether(batch));

  constructor(private readonly database: Database) {}

  async append(turn: ConversationTurn): Promise<void> {
    await this.database.write(
      'INSERT INTO conversation_turns (conversation_id, user_id, role, text, created_at) VALUES (?, ?, ?, ?, ?)',
      [turn.conversationId, turn.userId, turn.role, turn.text, turn.createdAt],
    );
  }

  /**
   * The conversation's last `limit` turns, oldest first. Every message reads its history, and
   * each read was a trip to SQLite's thread pool of its own (about 0.1 ms of CPU, and longer on
   * the main thread, which waits to hand it over); reads asked for in the same turn of the event
   * loop (a burst's messages) are one query, as the inbox's accepts are one INSERT.
   */
  recent(conversationId: string, limit: number): Promise<ConversationTurn[]> {
    return this.reads.call({ conversationId, limit });
  }

  private async readTogether(batch: Read[]): Promise<ConversationTurn[][]> {
    const ids = [...new Set(batch.map((read) => read.conversationId))];
    const rows = await this.database.all<unknown>(RECENT_OF_MANY, [JSON.stringify(ids), Math.max(...batch.map((read) => read.limit))]);
    const byConversation = new Map<string, ConversationTurn[]>();
    for (const raw of rows) {
      const row = storedTurn.safeParse(raw);
      if (!row.success) continue;
      const turns = byConversation.get(row.data.conversation_id) ?? [];
      turns.push({ conversationId: row.data.conversation_id, userId: row.data.user_id, role: row.data.role, text: row.data.text, createdAt: row.data.created_at });
      byConversation.set(row.data.conversation_id, turns);
    }
    return batch.map((read) => (read.limit > 0 ? (byConversation.get(read.conversationId) ?? []).slice(-read.limit) : []));
  }

  async hasConversation(conversationId: string): Promise<boolean> {
    const row = await this.database.get('SELECT 1 AS found FROM conversation_turns WHERE conversation_id = ? LIMIT 1', [conversationId]);
    return row !== undefined;
  }

  async deleteForUser(userId: string): Promise<number> {
    const result = await this.database.run('DELETE FROM conversation_turns WHERE user_id = ?', [userId]);
    return result.changes;
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const result = await this.database.run('DELETE FROM conversation_turns WHERE created_at < ?', [cutoff.toISOString()]);
    return result.changes;
  }
}
