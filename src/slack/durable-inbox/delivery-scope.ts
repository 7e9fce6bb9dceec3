import type { EventInbox, OutboxBatch } from '../../storage/event-inbox.js';

/**
 * The inbox event a listener is answering: replies are stored in the event's outbox before
 * they are posted. The durable-inbox middleware puts it on Bolt's context for the event, and
 * listeners hand it to deliverReplies. (It used to travel in an AsyncLocalStorage; on Node 20
 * that runs a hook on every promise of the process, which cost a burst more than the scope is worth.)
 */
export interface DeliveryScope {
  eventId: string;
  inbox: EventInbox;
  outbox: OutboxBatch[];
  /** Answered after a restart, more than a minute late: the first reply says sorry. */
  late: boolean;
  /** Some reply was not accepted by Slack: the event stays unfinished for the next start. */
  undelivered: boolean;
}

/** Bolt's context for one event, as the durable-inbox middleware leaves it. */
export interface ScopedContext {
  deliveryScope?: DeliveryScope;
}

/** The scope of the event Bolt is handling with this context; undefined for commands and interactions. */
export function deliveryScopeOf(context: unknown): DeliveryScope | undefined {
  return (context as ScopedContext | undefined)?.deliveryScope;
}
