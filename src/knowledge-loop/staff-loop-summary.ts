import type { StaffAnalytics } from './knowledge-loop-report.js';
import type { StaffAnswerEntry } from '../knowledge/staff-answers-file.js';
import type { Ticket } from '../storage/ticket.js';

/** What staff App Home shows from the knowledge loop. */
export interface StaffLoopSummary {
  /** "Now" as the app sees it (ITDA_NOW pins it), for ticket ages. */
  now: string;
  analytics: StaffAnalytics;
  /** Open tickets, oldest first. */
  openTickets: Ticket[];
  staffAnswers: StaffAnswerEntry[];
  /** Set when knowledge/staff-answers.yaml has a mistake, so staff see it where they edit. */
  staffAnswersProblem?: string;
}
