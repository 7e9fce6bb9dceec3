import type { ConversationTurn, ConversationHistory } from '../conversation/ports.js';
import type { Database } from './database.js';

export class SqliteConversationHistory implements ConversationHistory {
  constructor(private readonly database: Database) {}

  async append(turn: ConversationTurn): Promise<void> {
    await this.database.run(
      'INSERT INTO conversation_turns (conversation_id, user_id, role, text, created_at) VALUES (?, ?, ?, ?, ?)',
      [turn.conversationId, turn.userId, turn.role, turn.text, turn.createdAt],
    );
  }

  async recent(conversationId: string, limit: number): Promise<ConversationTurn[]> {
    const rows = await this.database.all<{ conversation_id: string; user_id: string; role: 'user' | 'assistant'; text: string; created_at: string }>(
      'SELECT * FROM (SELECT * FROM conversation_turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id ASC',
      [conversationId, limit],
    );
    return rows.map((row) => ({
      conversationId: row.conversation_id,
      userId: row.user_id,
      role: row.role,
      text: row.text,
      createdAt: row.created_at,
    }));
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
