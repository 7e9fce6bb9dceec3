import type { AnswerRecord, FeedbackStore, Vote } from '../ports/stores.js';
import type { Database } from './database.js';

/**
 * Answers are kept (redacted text only) with the user who asked; a 👍/👎 references the answer
 * by id and copies nothing. Forgetting the asker (or the answer ageing out) therefore removes
 * the question with every vote on it, whoever cast them.
 */
export class SqliteFeedbackStore implements FeedbackStore {
  constructor(private readonly database: Database) {}

  async recordAnswer(answer: AnswerRecord): Promise<void> {
    await this.database.write(
      'INSERT OR REPLACE INTO answers (answer_id, user_id, question, answer, sources_json, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [answer.answerId, answer.userId, answer.question, answer.answer, JSON.stringify(answer.sources), answer.createdAt],
    );
  }

  async recordVote(answerId: string, userId: string, vote: Vote, at: Date): Promise<boolean> {
    const result = await this.database.run(
      'INSERT INTO feedback (answer_id, user_id, vote, created_at) SELECT answer_id, ?, ?, ? FROM answers WHERE answer_id = ?',
      [userId, vote, at.toISOString(), answerId],
    );
    return result.changes === 1;
  }

  async votes(answerId: string): Promise<{ userId: string; vote: Vote }[]> {
    const rows = await this.database.all<{ user_id: string; vote: Vote }>('SELECT user_id, vote FROM feedback WHERE answer_id = ? ORDER BY id', [answerId]);
    return rows.map((row) => ({ userId: row.user_id, vote: row.vote }));
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const answers = await this.database.run('DELETE FROM answers WHERE created_at < ?', [cutoff.toISOString()]);
    const votes = await this.database.run('DELETE FROM feedback WHERE created_at < ? OR answer_id NOT IN (SELECT answer_id FROM answers)', [cutoff.toISOString()]);
    return answers.changes + votes.changes;
  }

  /** The user's answers with everyone's votes on them, and the user's own votes on others' answers. */
  async deleteForUser(userId: string): Promise<number> {
    const votes = await this.database.run('DELETE FROM feedback WHERE user_id = ? OR answer_id IN (SELECT answer_id FROM answers WHERE user_id = ?)', [userId, userId]);
    const answers = await this.database.run('DELETE FROM answers WHERE user_id = ?', [userId]);
    return answers.changes + votes.changes;
  }
}
