import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../observability/logger.js';
import type { EventInbox } from '../../storage/event-inbox.js';
import type { AcceptedEvent } from '../durable-inbox/accept-event.js';
import type { DeliveryScope, ScopedContext } from '../durable-inbox/delivery-scope.js';

/** Set by the HTTP receiver (stored before its ack) and by the restart recovery. */
export interface InboxContext {
  inboxOutcome?: AcceptedEvent['outcome'];
  inboxLate?: boolean;
}

/**
 * Every event goes through the inbox. Over HTTP the receiver has already stored it before
 * acknowledging; in Socket Mode Bolt acknowledges first, so it is stored here. The listeners
 * get a delivery scope on Bolt's context (replies go to the outbox before Slack), and the event is marked
 * done once they finished with every reply accepted. A redelivery is dropped here.
 */
export function durableInbox(inbox: EventInbox, accept: (body: Record<string, unknown>) => Promise<AcceptedEvent>, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') return next();
    const given = context as InboxContext;
    const outcome = given.inboxOutcome ?? (await accept(body as Record<string, unknown>)).outcome;
    if (outcome === 'duplicate') {
      logger.info({ eventId }, 'duplicate event ignored');
      return;
    }
    const scope: DeliveryScope = { eventId, inbox, outbox: [], late: given.inboxLate === true, undelivered: false };
    (context as ScopedContext).deliveryScope = scope;
    await next();
    if (outcome === 'new' && !scope.undelivered) {
      await inbox.finish(eventId).catch((error: unknown) => logger.error({ err: error, eventId }, 'event answered but not marked done'));
    }
  };
}
