import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventInbox, OutboxBatch } from '../../storage/event-inbox.js';

/**
 * The inbox event a listener is answering, carried to deliverReplies without threading it
 * through every listener: replies are stored in the event's outbox before they are posted.
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

const scopes = new AsyncLocalStorage<DeliveryScope>();

export function runInDeliveryScope<T>(scope: DeliveryScope, work: () => Promise<T>): Promise<T> {
  return scopes.run(scope, work);
}

export function currentDeliveryScope(): DeliveryScope | undefined {
  return scopes.getStore();
}
