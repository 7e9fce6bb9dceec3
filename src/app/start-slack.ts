import { webApi } from '@slack/bolt';
import type { ItdaConfig, SlackMode } from '../config/config.js';
import { answersInFlight } from '../conversation/answer-safely.js';
import { createLogger } from '../observability/logger.js';
import { replyToBlocks } from '../slack/blocks/reply-blocks.js';
import { boltLogger, createSlackApp } from '../slack/create-slack-app.js';
import { connectSocketMode } from '../slack/connect-socket-mode.js';
import { staffChannelMembership } from '../slack/staff-channel-membership.js';
import { createItda } from './create-itda.js';
import { slackTicketBoard } from '../slack/ticket-board.js';

/**
 * Slack mode: Socket Mode or HTTP. SIGTERM stops new events, lets in-flight answers finish and
 * closes the database.
 */
export interface RunningSlack {
  /** The HTTP port actually bound (HTTP mode), useful when PORT is 0. */
  port?: number;
  stop: () => Promise<void>;
}

export async function startSlack(config: ItdaConfig, mode: Exclude<SlackMode, { kind: 'console' }>): Promise<RunningSlack> {
  const logger = createLogger(config.logLevel);
  const slackApiUrl = config.slackApiUrl;
  // Posts to the staff channel; it logs through pino like Bolt's own client (plain console lines otherwise).
  const client = new webApi.WebClient(mode.botToken, { ...(slackApiUrl ? { slackApiUrl: withSlash(slackApiUrl) } : {}), logger: boltLogger(logger) });
  const staffChannel = config.staffChannelId;
  const running = await createItda(config, logger, {
    notifyStaff: staffChannel
      ? async (reply) => {
          const message = replyToBlocks(reply);
          await client.chat.postMessage({ channel: staffChannel, text: message.text, blocks: message.blocks });
        }
      : undefined,
    isStaffChannelMember: staffChannel ? staffChannelMembership(client, staffChannel) : undefined,
    sendDirectMessage: async (userId, reply) => {
      const opened = await client.conversations.open({ users: userId });
      const message = replyToBlocks(reply);
      await client.chat.postMessage({ channel: opened.channel?.id ?? userId, text: message.text, blocks: message.blocks });
    },
  });
  running.knowledgeLoop.board = slackTicketBoard(client, staffChannel);
  const app = createSlackApp({
    mode,
    slackApiUrl,
    context: { itda: running.itda, logger, processedEvents: running.storage.processedEvents, knowledgeLoop: running.knowledgeLoop, rounds: running.rounds, staffChannelId: staffChannel },
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
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await app.stop();
      await answersInFlight();
      await running.close();
      logger.info('Itda stopped');
    })();
    return stopping;
  };
  return { port, stop };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
