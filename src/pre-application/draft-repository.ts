/** The draft store is a port of the conversation engine (it reads submitted drafts for staff); the form uses the same one. */
export type { DraftRepository, DraftStatus, StoredDraft } from '../ports/stores.js';
