import { App } from '@slack/bolt';
import type { SlackMode } from '../config/config.js';
import type { BotIdentity } from './bot-identity.js';
import type { ListenerContext } from './listener-context.js';
import { registerListeners } from './listeners/index.js';
import { durableInbox } from './middleware/durable-inbox.js';
import { boltLogger } from './bolt-logger.js';
import { eventAcceptor, type RedactIncoming } from './durable-inbox/accept-event.js';
import { SlackHttpReceiver, type HealthReport } from './http-receiver.js';
import { keepAliveFetch } from './keep-alive-fetch.js';
import { thinPosting } from './posting-client.js';
import { WebApiPoster } from './web-api-poster.js';
import type { EventInbox } from '../storage/event-inbox.js';
import type { SeenRequests } from '../storage/seen-requests.js';

export { boltLogger } from './bolt-logger.js';

export interface SlackAppOptions {
  mode: Exclude<SlackMode, { kind: 'console' }>;
  bot: BotIdentity;
  slackApiUrl?: string;
  context: ListenerContext;
  inbox: EventInbox;
  seenRequests: SeenRequests;
  redactIncoming: RedactIncoming;
  health: () => Promise<HealthReport>;
}

/**
 * Slack's Web API retries a failing call for up to half an hour by default. Replies wait in the
 * durable inbox instead, so a few quick retries are enough and a shutdown is never held hostage.
 */
export const SLACK_RETRIES = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 };

/** Builds the Bolt app: transport from the mode, then the durable inbox, then the thin listeners. */
export function createSlackApp({ mode, bot, slackApiUrl, context, inbox, seenRequests, redactIncoming, health }: SlackAppOptions): { app: App; receiver?: SlackHttpReceiver; posting: App['client'] } {
  const clientOptions = { ...(slackApiUrl ? { slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/` } : {}), retryConfig: SLACK_RETRIES, fetch: keepAliveFetch() };
  const logger = boltLogger(context.logger);
  const accept = eventAcceptor(inbox, redactIncoming, context.logger);
  const receiver =
    mode.kind === 'http'
      ? new SlackHttpReceiver({
          signingSecret: mode.signingSecret,
          logger: context.logger,
          health,
          acceptEvent: accept,
          firstTime: (timestamp, signature) => seenRequests.firstTime(timestamp, signature),
        })
      : undefined;
  // No conversation store: nothing reads context.conversation, and Bolt's default in-memory one
  // throws (and builds the stack of) a "Conversation not found" error for every new conversation,
  // that is for every founder's first DM of a burst.
  const app = receiver
    ? new App({ token: mode.botToken, ...bot, clientOptions, logger, receiver, convoStore: false })
    : new App({ token: mode.botToken, ...bot, appToken: (mode as { appToken: string }).appToken, socketMode: true, clientOptions, logger, installerOptions: { clientOptions }, convoStore: false });
  // installerOptions.clientOptions (above) is where Bolt's socket client takes its Web API URL (apps.connections.open).
  app.use(durableInbox(inbox, accept, context.logger));
  const poster = new WebApiPoster({ token: mode.botToken, apiUrl: clientOptions.slackApiUrl, retries: SLACK_RETRIES, logger: context.logger });
  const posting = thinPosting(poster);
  registerListeners(app, context, posting);
  app.error(async (error) => {
    context.logger.error({ err: error }, 'unhandled Slack error');
  });
  return { app, receiver, posting: posting(app.client) };
}
