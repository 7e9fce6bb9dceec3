import type { DraftRepository, StoredDraft } from '../../src/pre-application/draft-repository.js';

/** A DraftRepository kept in memory; drafts are copied so tests see only what was saved. */
export class InMemoryDraftRepository implements DraftRepository {
  private readonly drafts = new Map<string, string>();

  async load(userId: string): Promise<StoredDraft | undefined> {
    const json = this.drafts.get(userId);
    return json ? (JSON.parse(json) as StoredDraft) : undefined;
  }

  async save(draft: StoredDraft): Promise<void> {
    this.drafts.set(draft.userId, JSON.stringify(draft));
  }

  async delete(userId: string): Promise<void> {
    this.drafts.delete(userId);
  }

  async listSubmitted(limit: number): Promise<StoredDraft[]> {
    const all = [...this.drafts.values()].map((json) => JSON.parse(json) as StoredDraft);
    return all.filter((draft) => draft.status === 'submitted').slice(0, limit);
  }
}
