import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTranscript, type Transcript } from '../conversation/itda-in-process.js';

/**
 * What one question costs SQLite on its own (no burst to share a transaction with): the answer
 * record with the knowledge loop's note of it, then the two turns of history. The Slack path
 * adds the inbox's outbox and "done" around it (a burst shares those scripts too: write-queue.ts).
 */
describe('SQLite transactions per message', () => {
  let transcript: Transcript;
  beforeAll(async () => {
    transcript = await startTranscript();
  });
  afterAll(() => transcript.close());

  it('founder without a draft: "지원금은 얼마까지 받을 수 있나요?" → answered with two write transactions', async () => {
    const database = transcript.running.storage.database;
    await transcript.say('UWARM', '신청 마감이 언제예요?');
    // The retention sweep at start writes too: measure once it is over.
    for (let seen = -1; seen !== database.writeTransactions; ) {
      seen = database.writeTransactions;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const before = database.writeTransactions;
    const answer = await transcript.say('UFOUNDER1', '지원금은 얼마까지 받을 수 있나요?');
    expect(answer).toContain('5천만 원');
    expect(database.writeTransactions - before).toBe(2);
    const rows = await database.all<{ role: string }>("SELECT role FROM conversation_turns WHERE conversation_id = 'test:UFOUNDER1' ORDER BY id");
    expect(rows.map((row) => row.role)).toEqual(['user', 'assistant']);
  });
});
