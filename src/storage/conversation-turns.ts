import type { ConversationTurn, ConversationHistory } from '../ports/stores.js';
import { z } from 'zod';
import type { Database } from './database.js';

/** A stored turn as it must read back; a row that does not (a role an old version wrote, no text) is left out of the context, never thrown. */
const storedTurn = z.object({
  conversation_id: z.string(),
  user_id: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  created_at: z.string(),
});

export class SqliteConversationHistory implements ConversationHistory {
  constructor(private readonly database: Database) {}

  async append(turn: ConversationTurn): Promise<void> {
    await this.database.write(
      'INSERT INTO conversation_turns (conversation_id, user_id, role, text, created_at) VALUES (?, ?, ?, ?, ?)',
      [turn.conversationId, turn.userId, turn.role, turn.text, turn.createdAt],
    );
  }

  async recent(conversationId: string, limit: number): Promise<ConversationTurn[]> {
    const rows = await this.database.all<unknown>(
      'SELECT * FROM (SELECT * FROM conversation_turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id ASC',
      [conversationId, limit],
    );
    return rows.flatMap((raw) => {
      const row = storedTurn.safeParse(raw);
      if (!row.success) return [];
      return [{ conversationId: row.data.conversation_id, userId: row.data.user_id, role: row.data.role, text: row.data.text, createdAt: row.data.created_at }];
    });
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
