import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { SlackMode } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { ListenerContext } from './listener-context.js';
import { registerListeners } from './listeners/index.js';
import { deduplicateEvents } from './middleware/deduplicate-events.js';
import { FastAckReceiver } from './fast-ack-receiver.js';

export interface SlackAppOptions {
  mode: Exclude<SlackMode, { kind: 'console' }>;
  slackApiUrl?: string;
  context: ListenerContext;
  health: () => Promise<{ ok: boolean; [key: string]: unknown }>;
}

/** Builds the Bolt app: transport from the mode, then deduplication, then the thin listeners. */
export function createSlackApp({ mode, slackApiUrl, context, health }: SlackAppOptions): App {
  const clientOptions = slackApiUrl ? { slackApiUrl: slackApiUrl.endsWith('/') ? slackApiUrl : `${slackApiUrl}/` } : {};
  const logger = boltLogger(context.logger);
  const app =
    mode.kind === 'socket'
      ? // installerOptions.clientOptions is where Bolt's socket client takes its Web API URL (apps.connections.open).
        new App({ token: mode.botToken, appToken: mode.appToken, socketMode: true, clientOptions, logger, installerOptions: { clientOptions } })
      : new App({
          token: mode.botToken,
          clientOptions,
          logger,
          receiver: new FastAckReceiver({ signingSecret: mode.signingSecret, logger: context.logger, health }),
        });
  app.use(deduplicateEvents(context.processedEvents, context.logger));
  registerListeners(app, context);
  app.error(async (error) => {
    context.logger.error({ err: error }, 'unhandled Slack error');
  });
  return app;
}

/**
 * Bolt and its Web API client log through pino, so every line is structured JSON. At debug the
 * Web API client writes whole request and response bodies (answers, the form's echo of a
 * founder's answers, their contact e-mail); those lines keep their subject and lose the body.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  const line = (messages: unknown[]) => messages.map(String).join(' ').replace(PAYLOAD_LINE, '$1: [omitted]');
  let level = LogLevel.INFO;
  return {
    debug: (...messages) => child.debug(line(messages)),
    info: (...messages) => child.info(line(messages)),
    warn: (...messages) => child.warn(line(messages)),
    error: (...messages) => child.error(line(messages)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

const PAYLOAD_LINE = /^(http request (?:body|result|headers)|ack\(\) (?:call begins|response sent)).*$/s;
