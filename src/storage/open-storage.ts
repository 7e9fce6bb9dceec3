import { Database, storageFailureReason } from './database.js';
import { SqliteConversationHistory } from './conversation-turns.js';
import { SqliteDraftRepository } from './sqlite-draft-repository.js';
import { CachedDraftRepository } from './cached-draft-repository.js';
import { SqliteFeedbackStore } from './feedback-store.js';
import { SqliteAuditLog } from './audit-log.js';
import { SqliteTicketStore } from './ticket-store.js';
import { SqliteAnswerContexts } from './answer-contexts.js';
import { EventInbox } from './event-inbox.js';
import { SeenRequests } from './seen-requests.js';

export interface Storage {
  database: Database;
  history: SqliteConversationHistory;
  drafts: CachedDraftRepository;
  feedback: SqliteFeedbackStore;
  audit: SqliteAuditLog;
  /** The knowledge loop's tickets and where each answer was given: one instance each, shared by the loop, forget and retention. */
  tickets: SqliteTicketStore;
  answerContexts: SqliteAnswerContexts;
  inbox: EventInbox;
  seenRequests: SeenRequests;
}

/**
 * Opens (and migrates) the database and proves it takes a write: a read-only file or a full
 * disk stops the start with the reason, instead of every later message failing silently.
 */
export async function openStorage(path: string): Promise<Storage> {
  let database: Database | undefined;
  try {
    database = await Database.open(path);
    await database.probeWrite();
  } catch (error) {
    await database?.close().catch(() => undefined);
    const reason = storageFailureReason(error);
    throw reason ? new StorageNotWritable(path, `${reason} (${(error as Error).message})`) : error;
  }
  return {
    database,
    history: new SqliteConversationHistory(database),
    drafts: new CachedDraftRepository(new SqliteDraftRepository(database)),
    feedback: new SqliteFeedbackStore(database),
    audit: new SqliteAuditLog(database),
    tickets: new SqliteTicketStore(database),
    answerContexts: new SqliteAnswerContexts(database),
    inbox: new EventInbox(database),
    seenRequests: new SeenRequests(database),
  };
}

export class StorageNotWritable extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`The database ${path} cannot be written: ${reason}. Fix: free disk space or make the file and its folder writable by Itda (DATABASE_PATH), then start again.`);
  }
}
