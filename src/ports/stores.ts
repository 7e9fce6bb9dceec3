import type { SourceRef } from './reply.js';

/** What the conversation engine needs from storage; SQLite implementations are in src/storage. */
export interface ConversationTurn {
  conversationId: string;
  userId: string;
  role: 'user' | 'assistant';
  text: string;
  createdAt: string;
}

export interface ConversationHistory {
  append(turn: ConversationTurn): Promise<void>;
  recent(conversationId: string, limit: number): Promise<ConversationTurn[]>;
  hasConversation(conversationId: string): Promise<boolean>;
  deleteForUser(userId: string): Promise<number>;
}

export type Vote = 'up' | 'down';

export interface AnswerRecord {
  answerId: string;
  userId: string;
  question: string;
  answer: string;
  sources: SourceRef[];
  createdAt: string;
}

export interface FeedbackStore {
  recordAnswer(answer: AnswerRecord): Promise<void>;
  recordVote(answerId: string, userId: string, vote: Vote, at: Date): Promise<boolean>;
  deleteForUser(userId: string): Promise<number>;
}

export interface AuditEntry {
  actorId: string;
  action: string;
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'createdAt'>, at?: Date): Promise<void>;
  recent(limit: number): Promise<AuditEntry[]>;
}

/**
 * Where pre-application drafts are kept: one draft per user, saved after every answer so a
 * restart or a new day resumes at the same step. The SQLite implementation is in src/storage;
 * the pre-application capability reads `state` through its own schema (stored-form-state.ts).
 */
export type DraftStatus = 'in_progress' | 'submitted' | 'cancelled';

export interface StoredDraft<State = unknown> {
  userId: string;
  state: State;
  status: DraftStatus;
  updatedAt: string;
  submittedAt?: string;
}

export interface DraftRepository {
  load(userId: string): Promise<StoredDraft | undefined>;
  save(draft: StoredDraft): Promise<void>;
  delete(userId: string): Promise<void>;
  listSubmitted(limit: number): Promise<StoredDraft[]>;
}
