import { Database } from './database.js';
import { ProcessedEvents } from './processed-events.js';
import { SqliteConversationHistory } from './conversation-turns.js';
import { SqliteDraftRepository } from './sqlite-draft-repository.js';
import { SqliteFeedbackStore } from './feedback-store.js';
import { SqliteAuditLog } from './audit-log.js';
import { SqliteTicketStore } from '../knowledge-loop/ticket-store.js';
import { SqliteAnswerContexts } from '../knowledge-loop/answer-contexts.js';

export interface Storage {
  database: Database;
  processedEvents: ProcessedEvents;
  history: SqliteConversationHistory;
  drafts: SqliteDraftRepository;
  feedback: SqliteFeedbackStore;
  audit: SqliteAuditLog;
  /** The knowledge loop's tickets and where each answer was given (src/knowledge-loop). */
  tickets: SqliteTicketStore;
  answerContexts: SqliteAnswerContexts;
}

export async function openStorage(path: string): Promise<Storage> {
  const database = await Database.open(path);
  return {
    database,
    processedEvents: new ProcessedEvents(database),
    history: new SqliteConversationHistory(database),
    drafts: new SqliteDraftRepository(database),
    feedback: new SqliteFeedbackStore(database),
    audit: new SqliteAuditLog(database),
    tickets: new SqliteTicketStore(database),
    answerContexts: new SqliteAnswerContexts(database),
  };
}
