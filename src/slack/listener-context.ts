import type { Itda } from '../conversation/itda.js';
import type { Logger } from '../observability/logger.js';
import type { KnowledgeLoop } from '../knowledge-loop/knowledge-loop.js';
import type { RoundDesk } from '../rounds/round-desk.js';

/** What every Slack listener gets: the engine, and the means to log. */
export interface ListenerContext {
  itda: Itda;
  logger: Logger;
  /** Tickets and staff answers (src/knowledge-loop); absent, its buttons and modals say it is unavailable. */
  knowledgeLoop?: KnowledgeLoop;
  /** Staff call documents and round review (issue 16). */
  rounds?: RoundDesk;
  /** The program staff's channel (STAFF_CHANNEL_ID), where a shared plan document can be passed on. */
  staffChannelId?: string;
  /** How long an answer may take before its message gets the 👀 (SLACK_WORKING_STATUS_DELAY_MS); 0: always. */
  workingStatusDelayMs?: number;
}
