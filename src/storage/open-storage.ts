import { Database } from './database.js';
import { ProcessedEvents } from './processed-events.js';
import { SqliteConversationHistory } from './conversation-turns.js';
import { SqliteDraftRepository } from './sqlite-draft-repository.js';
import { SqliteFeedbackStore } from './feedback-store.js';
import { SqliteAuditLog } from './audit-log.js';

export interface Storage {
  database: Database;
  processedEvents: ProcessedEvents;
  history: SqliteConversationHistory;
  drafts: SqliteDraftRepository;
  feedback: SqliteFeedbackStore;
  audit: SqliteAuditLog;
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
  };
}
