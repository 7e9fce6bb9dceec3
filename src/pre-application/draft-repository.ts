/**
 * Where pre-application drafts are kept: one draft per user, saved after every answer so a
 * restart or a new day resumes at the same step. The SQLite implementation is in src/storage.
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
