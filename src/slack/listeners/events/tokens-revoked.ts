import type { ListenerRegistry } from '../listener-router.js';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../../observability/logger.js';

/**
 * Once the workspace uninstalls Itda or revokes its bot token, every Web API call would fail
 * with invalid_auth. Itda stops handling events instead (nothing is posted), says so once in
 * the log, and answers again after it is reinstalled with a new token and restarted.
 */
export class SlackAccess {
  private revokedBy?: string;

  constructor(private readonly logger: Logger) {}

  get revoked(): boolean {
    return this.revokedBy !== undefined;
  }

  revoke(reason: 'tokens_revoked' | 'app_uninstalled'): void {
    if (this.revokedBy) return;
    this.revokedBy = reason;
    this.logger.error({ reason }, 'Slack access revoked: Itda stops posting; reinstall the app, set the new SLACK_BOT_TOKEN and restart');
  }

  /** Runs first: after a revocation no event reaches a listener. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async ({ next }) => {
      if (!this.revoked) await next();
    };
  }
}

export function registerTokenRevocation(app: ListenerRegistry, access: SlackAccess, logger: Logger): void {
  app.event('tokens_revoked', async ({ event }) => {
    // Itda uses only its bot token; revoked user tokens (tokens.oauth) change nothing.
    if ((event.tokens.bot ?? []).length > 0) access.revoke('tokens_revoked');
    else logger.info('user tokens revoked; Itda uses none');
  });
  app.event('app_uninstalled', async () => {
    access.revoke('app_uninstalled');
  });
}
