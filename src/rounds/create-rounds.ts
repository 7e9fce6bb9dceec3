import type { StaffAccess } from '../access/staff-access.js';
import type { AuditLog } from '../ports/stores.js';
import type { Reply } from '../ports/reply.js';
import type { Logger } from '../observability/logger.js';
import type { ProgramFacts } from '../program/program-facts.js';
import type { Database } from '../storage/database.js';
import { RoundDesk } from './round-desk.js';
import { RoundNews } from './round-news.js';
import { RoundNewsStore } from './round-news-store.js';

export interface RoundsOptions {
  database: Database;
  audit: AuditLog;
  staff: StaffAccess;
  knowledgeDir: string;
  programFacts: () => ProgramFacts;
  now: () => Date;
  deliver?: (userId: string, reply: Reply) => Promise<void>;
  logger: Logger;
  /** After 승인 writes program.yaml and the round documents: reload them now (the data-file registry). */
  afterWrite?: () => Promise<unknown>;
}

/** New rounds and round news, wired: the desk staff and founders talk to, and the outbox sender. */
export function createRounds(options: RoundsOptions): { desk: RoundDesk; news: RoundNews } {
  const store = new RoundNewsStore(options.database);
  const news = new RoundNews({ store, programFacts: options.programFacts, now: options.now, deliver: options.deliver, logger: options.logger });
  const desk = new RoundDesk({ knowledgeDir: options.knowledgeDir, store, news, staff: options.staff, audit: options.audit, now: options.now, afterWrite: options.afterWrite });
  return { desk, news };
}
