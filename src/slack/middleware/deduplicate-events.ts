import type { Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { ProcessedEvents } from '../../storage/processed-events.js';
import type { Logger } from '../../observability/logger.js';

/**
 * Slack redelivers an event when it thinks we missed it (x-slack-retry-num). The event id is
 * claimed in SQLite before any work, so a redelivery, even after a restart, is dropped here.
 */
export function deduplicateEvents(processedEvents: ProcessedEvents, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await processedEvents.claim(eventId))) {
      logger.info({ eventId }, 'duplicate event ignored');
      return;
    }
    await next();
  };
}
