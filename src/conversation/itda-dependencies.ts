import type { DataFileStatus } from '../data-files/data-file-kind.js';
import type { Logger } from '../observability/logger.js';
import type { StaffAccess } from '../access/staff-access.js';
import type { ProgramFacts } from '../program/program-facts.js';
import type { RoundDesk } from '../rounds/round-desk.js';
import type { PreApplication, QuestionAnswering, TeamMatching } from '../ports/capabilities.js';
import type { AuditLog, ConversationHistory, DraftRepository, FeedbackStore } from '../ports/stores.js';
import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import type { KnowledgeLoop } from '../knowledge-loop/knowledge-loop.js';

export interface PersonalDataGuard {
  redact(text: string, keep?: readonly string[]): { text: string; kinds: string[] };
  warning(kinds: string[], language: Language): string;
}

/** What the engine is built from: the capabilities, the stores and the adapters' hooks (wired in src/app). */
export interface ItdaDependencies {
  questionAnswering: QuestionAnswering;
  matching?: TeamMatching;
  preApplication?: PreApplication;
  programFacts: () => ProgramFacts;
  history: ConversationHistory;
  feedback: FeedbackStore;
  audit: AuditLog;
  drafts: DraftRepository;
  staff: StaffAccess;
  personalData?: PersonalDataGuard;
  /** Posts a notice to the program staff channel (Slack); absent in the terminal. */
  notifyStaff?: (reply: Reply) => Promise<void>;
  /** The program's "today" (deadlines); ITDA_NOW pins it. */
  now: () => Date;
  /** Real time for the rate limiter and storage timestamps (default: the system clock). */
  clock?: () => Date;
  logger: Logger;
  /** New rounds from call documents, round-news subscriptions (issue 16); absent: those commands say so. */
  rounds?: RoundDesk;
  /** Messages a user may send per minute (default 20). */
  rateLimitPerMinute?: number;
  /** Tickets for the program office (src/knowledge-loop); absent, no question is escalated. */
  knowledgeLoop?: KnowledgeLoop;
  /** Staff files not served from a good file right now (live reload policy), listed on the staff App Home. */
  dataFileProblems?: () => DataFileStatus[];
  /** Slack's durable inbox: `/itda forget` clears the user's messages still waiting there. */
  unansweredMessages?: UnansweredMessages;
}

/** Messages stored for answering (Slack's durable inbox) that are not answered or delivered yet. */
export interface UnansweredMessages {
  forgetUser(userId: string): Promise<number>;
}
