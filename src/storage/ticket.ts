import type { Language } from '../messages/language.js';
import type { SourceRef } from '../ports/reply.js';

/** Why a ticket was opened: Itda had no source, the founder pressed 👎, or asked for a person. */
export type TicketReason = 'no_source' | 'negative_feedback' | 'asked_staff';
export type TicketState = 'open' | 'answered' | 'resolved' | 'duplicate';

/** One founder behind a ticket, and where their question was asked (a Slack thread or DM, or the terminal). */
export interface TicketAsker {
  userId: string;
  /** The engine's conversation id: "C123:1700.1" for a thread, "D123" for a DM; absent for /itda ask. */
  conversationId?: string;
  language: Language;
  answerId?: string;
  /** This asker's own redacted wording; staff see it, other founders never do. */
  question: string;
  askedAt: string;
  deliveredAt?: string;
}

/** A question for the program office. Text is redacted before it is stored; staff-only. */
export interface Ticket {
  id: number;
  state: TicketState;
  reason: TicketReason;
  question: string;
  itdaAnswer: string;
  sources: SourceRef[];
  language: Language;
  staffChannel?: string;
  staffMessageTs?: string;
  answer?: StaffAnswer;
  knowledgeEntry?: string;
  duplicateOf?: number;
  createdAt: string;
  updatedAt: string;
  askers: TicketAsker[];
}

/** What a staff member wrote: the answer in one or both languages. */
export interface StaffAnswer {
  text: Partial<Record<Language, string>>;
  language: Language;
  staffId: string;
  staffName: string;
  answeredAt: string;
}
