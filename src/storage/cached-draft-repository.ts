import type { DraftRepository, StoredDraft } from '../ports/stores.js';

/** Long enough for every look at the draft while one message is answered, short enough that a `cli forget` in another process shows at once. */
const FRESH_MS = 2_000;
/** Users remembered at once; a deadline-day burst touches hundreds, each for one message. */
const USERS_KEPT = 2_000;

interface Entry {
  draft: StoredDraft | undefined;
  at: number;
}

/**
 * One load of a user's draft per message: the engine asks "is a form open?", "which personal
 * data is it asking for?" and then reads the draft to answer, each through `load`. The first
 * load reads SQLite; the rest, within the same message, get a copy of what it read (no draft
 * at all is remembered too: most messages are questions from users without one). Every save
 * and delete goes to SQLite and replaces what is remembered, so this process never reads a
 * stale draft of its own.
 */
export class CachedDraftRepository implements DraftRepository {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every save and delete: a load that started before one must not remember what it read. */
  private writes = 0;

  constructor(private readonly stored: DraftRepository, private readonly clock: () => number = () => performance.now()) {}

  async load(userId: string): Promise<StoredDraft | undefined> {
    const entry = this.entries.get(userId);
    if (entry && this.clock() - entry.at < FRESH_MS) return entry.draft && structuredClone(entry.draft);
    const writesBefore = this.writes;
    const draft = await this.stored.load(userId);
    if (this.writes === writesBefore) this.remember(userId, draft);
    return draft && structuredClone(draft);
  }

  async save(draft: StoredDraft): Promise<void> {
    this.writes += 1;
    this.entries.delete(draft.userId);
    await this.stored.save(draft);
    this.remember(draft.userId, structuredClone(draft));
  }

  async delete(userId: string): Promise<void> {
    this.writes += 1;
    this.entries.delete(userId);
    await this.stored.delete(userId);
    this.remember(userId, undefined);
  }

  listSubmitted(limit: number): Promise<StoredDraft[]> {
    return this.stored.listSubmitted(limit);
  }

  private remember(userId: string, draft: StoredDraft | undefined): void {
    this.entries.delete(userId);
    this.entries.set(userId, { draft, at: this.clock() });
    // Maps iterate in insertion order: the first key is the least recently stored.
    if (this.entries.size > USERS_KEPT) this.entries.delete(this.entries.keys().next().value!);
  }
}
