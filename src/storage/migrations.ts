/**
 * Versioned schema changes, applied in order at start. Never edit a shipped migration:
 * append a new one. The database's PRAGMA user_version records how many have run.
 */
export const MIGRATIONS: string[] = [
  `CREATE TABLE processed_events (
     event_id TEXT PRIMARY KEY,
     received_at TEXT NOT NULL
   );
   CREATE TABLE conversation_turns (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     conversation_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
     text TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX conversation_turns_by_conversation ON conversation_turns (conversation_id, id);
   CREATE INDEX conversation_turns_by_user ON conversation_turns (user_id);
   CREATE TABLE drafts (
     user_id TEXT PRIMARY KEY,
     state_json TEXT NOT NULL,
     status TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     submitted_at TEXT
   );
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     answer_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     sources_json TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE answers (
     answer_id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     question TEXT NOT NULL,
     answer TEXT NOT NULL,
     sources_json TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     actor_id TEXT NOT NULL,
     action TEXT NOT NULL,
     detail_json TEXT NOT NULL,
     created_at TEXT NOT NULL
   )`,
];
