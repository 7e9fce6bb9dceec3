import type { Logger } from '../../observability/logger.js';
import type { EventInbox } from '../../storage/event-inbox.js';

/** Redacts a user's text as the engine would see it (keeping what their form is asking for). */
export type RedactIncoming = (userId: string | undefined, text: string) => Promise<string>;

export interface AcceptedEvent {
  /** new: stored; duplicate: a redelivery, to drop; unstored: the database refused it (answered anyway). */
  outcome: 'new' | 'duplicate' | 'unstored';
}

/**
 * Fields that repeat the message text in other shapes; the listeners read `text` only. The
 * stored copy is what a restart answers from; the live answer uses the event as it came, so the
 * engine's own redaction still sees (and warns about) what the user sent.
 */
const TEXT_COPIES = ['blocks', 'attachments', 'files', 'message', 'previous_message'];

export function eventAcceptor(inbox: EventInbox, redact: RedactIncoming, logger: Logger): (body: Record<string, unknown>) => Promise<AcceptedEvent> {
  return async (body) => {
    const stored = await redactedEnvelope(body, redact);
    const eventId = String(body.event_id);
    try {
      return { outcome: (await inbox.accept(eventId, stored)) ? 'new' : 'duplicate' };
    } catch (error) {
      logger.error({ err: error, eventId }, 'event could not be stored; answering it without a durable copy');
      return { outcome: 'unstored' };
    }
  };
}

async function redactedEnvelope(body: Record<string, unknown>, redact: RedactIncoming): Promise<Record<string, unknown>> {
  const event = body.event as Record<string, unknown> | undefined;
  if (!event || typeof event !== 'object') return body;
  const copy: Record<string, unknown> = { ...event };
  for (const field of TEXT_COPIES) delete copy[field];
  if (typeof copy.text === 'string') copy.text = await redact(typeof copy.user === 'string' ? copy.user : undefined, copy.text);
  return { ...body, event: copy };
}
