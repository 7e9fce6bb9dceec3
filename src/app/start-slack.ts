import { webApi } from '@slack/bolt';
import type { ItdaConfig, SlackMode } from '../config/config.js';
import { answersInFlight } from '../conversation/answer-safely.js';
import { createLogger } from '../observability/logger.js';
import { replyToBlocks } from '../slack/blocks/reply-blocks.js';
import { botIdentity } from '../slack/bot-identity.js';
import { boltLogger, createSlackApp, SLACK_RETRIES } from '../slack/create-slack-app.js';
import { connectSocketMode } from '../slack/connect-socket-mode.js';
import { answerUnfinished } from '../slack/durable-inbox/answer-unfinished.js';
import { MEMBERSHIP_TIMEOUT_MS, staffChannelMembership } from '../slack/staff-channel-membership.js';
import { createItda, type RunningItda } from './create-itda.js';
import { slackTicketBoard } from '../slack/ticket-board.js';
import type { Storage } from '../storage/open-storage.js';

/**
 * Slack mode: Socket Mode or HTTP. On start, events a crash left unanswered are answered.
 * SIGTERM stops new events and lets in-flight answers finish for up to SHUTDOWN_WAIT_MS,
 * whatever Slack does; replies still undelivered then stay in the inbox for the next start.
 */
export interface RunningSlack {
  /** The HTTP port actually bound (HTTP mode), useful when PORT is 0. */
  port?: number;
  /** The engine's storage, for operators' tooling and tests (e.g. simulating a full disk). */
  storage: Storage;
  /** The answering worker (config.answerInWorker), for tests and operators' tooling. */
  answering?: RunningItda['answering'];
  /** The staff files in service (live reload), for tests and operators' tooling. */
  dataFiles: RunningItda['dataFiles'];
  /** The unfinished events found at start have all been dealt with. */
  recovered: Promise<{ answered: number; redelivered: number }>;
  stop: () => Promise<void>;
}

/** Leaves a margin under the 10 s a process manager usually allows before SIGKILL. */
export const SHUTDOWN_WAIT_MS = 7_000;

export async function startSlack(config: ItdaConfig, mode: Exclude<SlackMode, { kind: 'console' }>): Promise<RunningSlack> {
  const logger = createLogger(config.logLevel);
  const slackApiUrl = config.slackApiUrl ? { slackApiUrl: withSlash(config.slackApiUrl) } : {};
  // Posts to the staff channel; it logs through pino like Bolt's own client (plain console lines otherwise).
  const client = new webApi.WebClient(mode.botToken, { ...slackApiUrl, logger: boltLogger(logger), retryConfig: SLACK_RETRIES });
  // Staff checks sit on the path of every command: one try, two seconds at most.
  const membershipClient = new webApi.WebClient(mode.botToken, { ...slackApiUrl, logger: boltLogger(logger), retryConfig: { retries: 0 }, timeout: MEMBERSHIP_TIMEOUT_MS });
  const staffChannel = config.staffChannelId;
  // Before anything is opened: a wrong token or an unreachable Slack stops the start with a message.
  const bot = await botIdentity(client, config.slackApiUrl);
  const running = await createItda(config, logger, {
    answerInWorker: config.answerInWorker,
    notifyStaff: staffChannel
      ? async (reply) => {
          const message = replyToBlocks(reply);
          await client.chat.postMessage({ channel: staffChannel, text: message.text, blocks: message.blocks });
        }
      : undefined,
    isStaffChannelMember: staffChannel ? staffChannelMembership(membershipClient, staffChannel) : undefined,
    sendDirectMessage: async (userId, reply) => {
      const opened = await client.conversations.open({ users: userId });
      const message = replyToBlocks(reply);
      await client.chat.postMessage({ channel: opened.channel?.id ?? userId, text: message.text, blocks: message.blocks });
    },
  });
  running.knowledgeLoop.board = slackTicketBoard(client, staffChannel);
  const { app, receiver, posting } = createSlackApp({
    mode,
    bot,
    slackApiUrl: config.slackApiUrl,
    context: { itda: running.itda, logger, knowledgeLoop: running.knowledgeLoop, rounds: running.rounds, staffChannelId: staffChannel, workingStatusDelayMs: config.workingStatusDelayMs },
    inbox: running.storage.inbox,
    seenRequests: running.storage.seenRequests,
    redactIncoming: running.redactIncoming,
    health: running.health,
  });
  let port: number | undefined;
  if (mode.kind === 'http') {
    const server = await app.start({ port: mode.port, host: mode.host });
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : mode.port;
  } else {
    await connectSocketMode(app, config.socketConnectTimeoutMs, logger).catch(async (error: unknown) => {
      await running.close();
      throw error;
    });
  }
  logger.info({ mode: mode.kind, ...(mode.kind === 'http' ? { port: mode.port } : {}) }, 'Itda is listening to Slack');
  const recovered = answerUnfinished(app, running.storage.inbox, logger, posting).catch((error: unknown) => {
    logger.error({ err: error }, 'answering unfinished events failed');
    return { answered: 0, redelivered: 0 };
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const deadline = Date.now() + SHUTDOWN_WAIT_MS;
      const drained = receiver ? await receiver.stop(SHUTDOWN_WAIT_MS) : await app.stop().then(() => true, () => false);
      const finished = drained && (await settlesBy(Promise.all([recovered, answersInFlight(), running.itda.drain()]), deadline));
      if (!finished) {
        // The database stays as a crash would leave it (WAL, consistent); the inbox answers the rest on the next start.
        logger.warn({ waitedMs: SHUTDOWN_WAIT_MS }, 'stopping with answers still in flight; they are kept for the next start');
        running.abandon();
        return;
      }
      await running.close();
      logger.info('Itda stopped');
    })();
    return stopping;
  };
  return { port, storage: running.storage, answering: running.answering, dataFiles: running.dataFiles, recovered, stop };
}

function settlesBy(work: Promise<unknown>, deadline: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    timer.unref();
    void work.then(
      () => {
        clearTimeout(timer);
        resolve(true);
      },
      () => {
        clearTimeout(timer);
        resolve(true);
      },
    );
  });
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
