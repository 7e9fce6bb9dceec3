import type { App } from '@slack/bolt';
import type { Logger } from '../observability/logger.js';

/**
 * Starts Socket Mode, or fails loudly. Left alone, Bolt's socket client keeps retrying an
 * unreachable socket host and `app.start()` never settles, so a misconfigured deployment would
 * sit silent. After `timeoutMs` the client is stopped and the start fails with an error that
 * says what to check.
 */
export async function connectSocketMode(app: App, timeoutMs: number, logger: Logger): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new SocketModeTimeoutError(timeoutMs)), timeoutMs);
  });
  logger.info({ timeoutMs }, 'connecting to Slack over Socket Mode');
  try {
    await Promise.race([app.start(), timedOut]);
  } catch (error) {
    logger.error({ err: error, timeoutMs }, 'Socket Mode could not connect');
    await app.stop().catch(() => undefined);
    throw error instanceof SocketModeTimeoutError ? error : new SocketModeTimeoutError(timeoutMs, error);
  } finally {
    clearTimeout(timer);
  }
}

export class SocketModeTimeoutError extends Error {
  constructor(timeoutMs: number, cause?: unknown) {
    super(
      `Socket Mode did not connect to Slack within ${Math.round(timeoutMs / 1000)} s` +
        `${cause ? ` (${(cause as Error).message ?? String(cause)})` : ''}: check SLACK_APP_TOKEN (xapp-… with connections:write), ` +
        'that Socket Mode is on in the app settings, and that this host can reach wss-primary.slack.com',
      { cause },
    );
    this.name = 'SocketModeTimeoutError';
  }
}
