import type { ItdaConfig } from '../config/config.js';
import { StaffAccess, type ChannelMembershipCheck } from '../access/staff-access.js';
import { Itda } from '../conversation/itda.js';
import { submissionNotice } from '../conversation/command-handlers.js';
import { PreApplicationService } from '../pre-application/pre-application-service.js';
import { describeResearchNeed } from '../pre-application/research-need.js';
import { withConsortia } from '../pre-application/team-consortia.js';
import { configuredChatModel } from '../llm/chat-model.js';
import { suggestTeamsForNeed } from '../matching/suggest-teams.js';
import type { Reply } from '../ports/reply.js';
import type { Logger } from '../observability/logger.js';
import { createCapabilities } from './create-capabilities.js';
import type { DataFileRegistry } from '../data-files/data-file-registry.js';
import { dataFileHealth } from '../data-files/data-file-health.js';
import { scheduleRetention } from './retention.js';
import { staffNoticeOrReopen } from './staff-notice.js';
import { isPersonalDataKind, personalDataWarning, redactPersonalData } from '../privacy/index.js';
import { openStorage, type Storage } from '../storage/open-storage.js';
import { createKnowledgeLoop } from '../knowledge-loop/create-knowledge-loop.js';
import type { KnowledgeLoop } from '../knowledge-loop/knowledge-loop.js';
import { createRounds } from '../rounds/create-rounds.js';
import { WorkerQuestionAnswering } from './answering-worker/worker-question-answering.js';
import type { RoundDesk } from '../rounds/round-desk.js';

export interface RunningItda {
  itda: Itda;
  storage: Storage;
  /** The answering worker, when questions are answered on one (Slack mode). */
  answering?: WorkerQuestionAnswering;
  /** Tickets and staff answers; the Slack adapter gives it a board (the staff channel). */
  knowledgeLoop: KnowledgeLoop;
  rounds: RoundDesk;
  health: () => Promise<{ ok: boolean; [key: string]: unknown }>;
  /** A user's text redacted as the engine sees it (keeping the e-mail their form is asking for). */
  redactIncoming: (userId: string | undefined, text: string) => Promise<string>;
  close: () => Promise<void>;
  /** Every staff-edited file's status under the live reload policy (/healthz, App Home, tests). */
  dataFiles: DataFileRegistry;
  /** Stops the timers and watchers but leaves in-flight work and the database as they are (shutdown timed out). */
  abandon: () => void;
}

export interface CreateItdaOptions {
  notifyStaff?: (reply: Reply) => Promise<void>;
  isStaffChannelMember?: ChannelMembershipCheck;
  /** Sends a user a DM (Slack): round announcements and deadline reminders. */
  sendDirectMessage?: (userId: string, reply: Reply) => Promise<void>;
  /** Questions answered on a worker thread (Slack mode, config.answerInWorker); the terminal answers in-process. */
  answerInWorker?: boolean;
}

/** The composition root: storage, program data and capabilities wired into one engine. */
export async function createItda(config: ItdaConfig, logger: Logger, options: CreateItdaOptions = {}): Promise<RunningItda> {
  const capabilities = await createCapabilities(config, logger, { watch: true });
  const storage = await openStorage(config.databasePath);
  // Started after the main thread's capabilities, so it finds the index they saved and only loads it.
  const answering = options.answerInWorker ? WorkerQuestionAnswering.start(config, capabilities.questionAnswering, logger) : undefined;
  if (answering) capabilities.dataFiles.registry.onReload(capabilities.dataFiles.registry.status().map((status) => status.kind), () => answering.refresh());
  const notifyStaff = options.notifyStaff && staffNoticeOrReopen(options.notifyStaff, storage.drafts, logger);
  const matching = capabilities.matching;
  const preApplication = new PreApplicationService({
    drafts: storage.drafts,
    knowledgeDir: config.knowledgeDir,
    answerQuestion: async (question, language) => {
      const answer = await capabilities.questionAnswering.answer(question, { language });
      return { text: answer.answer, sources: answer.citations };
    },
    suggestTeams: matching ? withConsortia(() => capabilities.dataFiles.catalog.current, (answers, language) => suggestTeamsForNeed(matching, describeResearchNeed(answers), language)) : undefined,
    now: config.now,
    chatModel: configuredChatModel(config.openai),
    onSubmitted: async (submission) => notifyStaff?.(submissionNotice(submission)),
    planKnowledge: capabilities.planKnowledge,
  });
  const staff = new StaffAccess(config.staffUserIds, options.isStaffChannelMember);
  const knowledgeLoop = createKnowledgeLoop(config, storage, staff, capabilities, logger);
  const rounds = createRounds({ database: storage.database, audit: storage.audit, staff, knowledgeDir: config.knowledgeDir, programFacts: capabilities.programFacts, now: config.now, deliver: options.sendDirectMessage, logger, afterWrite: () => capabilities.dataFiles.registry.checkNow() });
  const itda = new Itda({
    rounds: rounds.desk,
    preApplication,
    questionAnswering: answering ?? capabilities.questionAnswering,
    matching,
    programFacts: capabilities.programFacts,
    history: storage.history,
    feedback: storage.feedback,
    audit: storage.audit,
    drafts: storage.drafts,
    staff,
    knowledgeLoop,
    unansweredMessages: storage.inbox,
    personalData: {
      redact: (text, keep = []) => redactPersonalData(text, keep.filter(isPersonalDataKind)),
      warning: personalDataWarning,
    },
    notifyStaff,
    now: config.now,
    logger,
    rateLimitPerMinute: config.rateLimitPerMinute,
    dataFileProblems: () => capabilities.dataFiles.registry.problems(),
  });
  const health = async () => {
    const version = await storage.database.schemaVersion().catch(() => -1);
    // A write that failed (disk full, read-only) is retried here, so /healthz recovers with the disk.
    if (storage.database.writeProblem) await storage.database.probeWrite().catch(() => undefined);
    const problem = storage.database.writeProblem;
    // /healthz is as public as the Slack endpoint: status only, no server paths.
    return {
      ok: version > 0 && !problem,
      database: { schemaVersion: version, writable: !problem, ...(problem ? { reason: problem.reason, since: problem.since } : {}) },
      knowledge: { programFactsAsOf: capabilities.programFacts().as_of },
      // A broken staff file is a warning, not a 503: the last good copy is serving (see dataFiles).
      dataFiles: dataFileHealth(capabilities.dataFiles.registry),
      // Until the worker has loaded the knowledge (and if it fails), the main thread answers.
      ...(answering ? { answering: answering.where } : {}),
    };
  };
  const redactIncoming = async (userId: string | undefined, text: string) => {
    const redacted = redactPersonalData(text);
    // Most messages hold nothing to redact: only those that do cost a look at the user's draft.
    if (redacted.kinds.length === 0 || !userId) return redacted.text;
    const keep = (await preApplication.personalDataAsked(userId).catch((): string[] => [])).filter(isPersonalDataKind);
    return keep.length === 0 ? redacted.text : redactPersonalData(text, keep).text;
  };
  // Retention runs on real time: ITDA_NOW pins only the program's "today".
  const retention = scheduleRetention(storage, config.retentionDays, () => new Date(), logger);
  const close = async () => {
    await itda.drain();
    await retention.stop();
    await rounds.news.stop();
    capabilities.close();
    await answering?.close();
    await storage.database.close();
  };
  const abandon = () => {
    void retention.stop();
    void answering?.close();
    capabilities.close();
  };
  rounds.news.start();
  return { itda, storage, answering, knowledgeLoop, rounds: rounds.desk, health, redactIncoming, close, abandon, dataFiles: capabilities.dataFiles.registry };
}
