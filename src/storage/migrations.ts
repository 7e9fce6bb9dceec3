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
  // The program office's knowledge loop (src/knowledge-loop): tickets for unanswered questions,
  // everyone who asked each one (and where), and where an answer was asked so a later 👎 can escalate it.
  `CREATE TABLE tickets (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     state TEXT NOT NULL CHECK (state IN ('open', 'answered', 'resolved', 'duplicate')),
     reason TEXT NOT NULL,
     question TEXT NOT NULL,
     itda_answer TEXT NOT NULL,
     sources_json TEXT NOT NULL,
     language TEXT NOT NULL,
     staff_channel TEXT,
     staff_message_ts TEXT,
     answer_text TEXT,
     answer_language TEXT,
     answered_by TEXT,
     answered_at TEXT,
     knowledge_entry TEXT,
     duplicate_of INTEGER,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX tickets_by_state ON tickets (state, created_at);
   CREATE TABLE ticket_askers (
     ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
     user_id TEXT NOT NULL,
     conversation_id TEXT,
     language TEXT NOT NULL,
     answer_id TEXT,
     question TEXT NOT NULL,
     asked_at TEXT NOT NULL,
     delivered_at TEXT,
     PRIMARY KEY (ticket_id, user_id)
   );
   CREATE INDEX ticket_askers_by_user ON ticket_askers (user_id);
   CREATE TABLE answer_contexts (
     answer_id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL,
     conversation_id TEXT,
     language TEXT NOT NULL,
     kind TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX answer_contexts_by_user ON answer_contexts (user_id)`,
  // Issue 16: round proposals awaiting staff approval, round-news subscriptions, and the
  // announcement/reminder outbox (one row per user, round and kind, so nothing is sent twice).
  `CREATE TABLE round_proposals (
     id TEXT PRIMARY KEY,
     staff_id TEXT NOT NULL,
     proposal_json TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'cancelled')),
     created_at TEXT NOT NULL,
     decided_by TEXT,
     decided_at TEXT
   );
   CREATE TABLE round_subscriptions (
     user_id TEXT PRIMARY KEY,
     status TEXT NOT NULL CHECK (status IN ('subscribed', 'unsubscribed')),
     language TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE round_notices (
     user_id TEXT NOT NULL,
     round_id TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('announce', 'remind_7', 'remind_1')),
     language TEXT NOT NULL,
     due_at TEXT NOT NULL,
     claimed_at TEXT,
     sent_at TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (user_id, round_id, kind)
   )`,
  // Durable inbox: each Slack event is stored, redacted, in the statement that claims its id;
  // outbox_json holds replies computed but not yet accepted by Slack. Replays of signed
  // commands and interactions are remembered for the signature window. Votes reference the
  // answer instead of copying its question and text, so forgetting the asker removes them.
  `CREATE TABLE inbox_events (
     event_id TEXT PRIMARY KEY,
     body_json TEXT NOT NULL,
     received_at TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('received', 'answered', 'done')),
     outbox_json TEXT
   );
   CREATE INDEX inbox_events_unfinished ON inbox_events (status) WHERE status != 'done';
   CREATE TABLE seen_requests (
     request_key TEXT PRIMARY KEY,
     seen_at TEXT NOT NULL
   );
   CREATE TABLE storage_probe (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     written_at TEXT NOT NULL
   );
   CREATE TABLE feedback_votes (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     answer_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     created_at TEXT NOT NULL
   );
   INSERT INTO feedback_votes (id, answer_id, user_id, vote, created_at)
     SELECT id, answer_id, user_id, vote, created_at FROM feedback WHERE answer_id IN (SELECT answer_id FROM answers);
   DROP TABLE feedback;
   ALTER TABLE feedback_votes RENAME TO feedback;
   CREATE INDEX feedback_by_answer ON feedback (answer_id)`,
];
