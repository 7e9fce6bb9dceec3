import type { AnswerRecord, FeedbackStore, Vote } from '../conversation/ports.js';
import type { Database } from './database.js';

/** Answers are kept (redacted text only) so a later 👍/👎 is stored with its question, answer and sources. */
export class SqliteFeedbackStore implements FeedbackStore {
  constructor(private readonly database: Database) {}

  async recordAnswer(answer: AnswerRecord): Promise<void> {
    await this.database.run(
      'INSERT OR REPLACE INTO answers (answer_id, user_id, question, answer, sources_json, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [answer.answerId, answer.userId, answer.question, answer.answer, JSON.stringify(answer.sources), answer.createdAt],
    );
  }

  async recordVote(answerId: string, userId: string, vote: Vote, at: Date): Promise<boolean> {
    const answer = await this.database.get<{ question: string; answer: string; sources_json: string }>(
      'SELECT question, answer, sources_json FROM answers WHERE answer_id = ?',
      [answerId],
    );
    if (!answer) return false;
    await this.database.run(
      'INSERT INTO feedback (answer_id, user_id, vote, question, answer, sources_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [answerId, userId, vote, answer.question, answer.answer, answer.sources_json, at.toISOString()],
    );
    return true;
  }

  async votes(answerId: string): Promise<{ userId: string; vote: Vote }[]> {
    const rows = await this.database.all<{ user_id: string; vote: Vote }>('SELECT user_id, vote FROM feedback WHERE answer_id = ? ORDER BY id', [answerId]);
    return rows.map((row) => ({ userId: row.user_id, vote: row.vote }));
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    const answers = await this.database.run('DELETE FROM answers WHERE created_at < ?', [cutoff.toISOString()]);
    const votes = await this.database.run('DELETE FROM feedback WHERE created_at < ?', [cutoff.toISOString()]);
    return answers.changes + votes.changes;
  }

  async deleteForUser(userId: string): Promise<number> {
    const answers = await this.database.run('DELETE FROM answers WHERE user_id = ?', [userId]);
    const votes = await this.database.run('DELETE FROM feedback WHERE user_id = ?', [userId]);
    return answers.changes + votes.changes;
  }
}
