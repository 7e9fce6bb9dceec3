import type { Language } from '../messages/language.js';
import type { Reply, SourceRef } from '../ports/reply.js';
import type { Ticket, TicketAsker } from '../storage/ticket.js';

/**
 * Where tickets are shown to staff and answers reach founders. The Slack adapter posts to the
 * staff channel and the asker's thread or DM; without Slack (terminal, CLI) it is absent.
 */
export interface TicketBoard {
  /** Posts the ticket's message the first time, updates it after; returns where it is. */
  show(ticket: Ticket): Promise<{ channel: string; ts: string } | undefined>;
  /** Sends one asker the staff answer where they asked. */
  deliver(asker: TicketAsker, reply: Reply): Promise<void>;
}

/** Optional machine translation (the configured chat model); undefined when it cannot. */
export interface Translator {
  translate(text: string, from: Language, to: Language): Promise<string | undefined>;
}

/** An existing knowledge section staff can point a ticket to ("이미 답변 있음"). */
export interface KnowledgeSectionChoice {
  /** The chunk id, e.g. "funding#amount@ko". */
  ref: string;
  label: string;
}

export interface KnowledgeLookup {
  /** The sections retrieval finds for a question, best first. */
  candidates(question: string, limit: number): Promise<KnowledgeSectionChoice[]>;
  /** A section's text and citation in the asker's language when its twin exists. */
  section(ref: string, language: Language): { text: string; citation: SourceRef } | undefined;
  /** Picks up an edit of knowledge/ now rather than at the watcher's next look. */
  refresh(): Promise<unknown>;
}
