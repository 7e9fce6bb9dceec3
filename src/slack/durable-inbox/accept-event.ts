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
const TEXT_COPIES = new Set(['blocks', 'attachments', 'files', 'message', 'previous_message']);

/** Ids this process has stored lately: Slack redelivers within minutes, so a few thousand is plenty. */
const REMEMBERED_IDS = 10_000;

/**
 * A redelivery of an event this process already took (or is taking) is dropped before its text
 * is redacted: a quarter of a burst can be redeliveries, and redacting them only to have the
 * primary key refuse them was wasted work. Nothing is stored for them, so nothing unredacted
 * can be; an id not remembered here (after a restart) is still judged by the inbox's key.
 */
export function eventAcceptor(inbox: EventInbox, redact: RedactIncoming, logger: Logger): (body: Record<string, unknown>) => Promise<AcceptedEvent> {
  const taken = new Map<string, Promise<AcceptedEvent>>();
  const store = async (body: Record<string, unknown>, eventId: string): Promise<AcceptedEvent> => {
    const stored = await redactedEnvelope(body, redact);
    try {
      return { outcome: (await inbox.accept(eventId, stored)) ? 'new' : 'duplicate' };
    } catch (error) {
      logger.error({ err: error, eventId }, 'event could not be stored; answering it without a durable copy');
      return { outcome: 'unstored' };
    }
  };
  return async (body) => {
    const eventId = String(body.event_id);
    const earlier = taken.get(eventId);
    // An event that could not be stored is not remembered: its redelivery tries the inbox again, as before.
    if (earlier && (await earlier).outcome !== 'unstored') return { outcome: 'duplicate' };
    const accepted = store(body, eventId);
    taken.set(eventId, accepted);
    if (taken.size > REMEMBERED_IDS) taken.delete(taken.keys().next().value!);
    const outcome = await accepted;
    if (outcome.outcome === 'unstored' && taken.get(eventId) === accepted) taken.delete(eventId);
    return outcome;
  };
}

async function redactedEnvelope(body: Record<string, unknown>, redact: RedactIncoming): Promise<Record<string, unknown>> {
  const event = body.event as Record<string, unknown> | undefined;
  if (!event || typeof event !== 'object') return body;
  // Copied without them rather than spread and deleted from: a delete turns the copy into a
  // dictionary-mode object, slower to fill and to JSON.stringify for every event of a burst.
  const copy: Record<string, unknown> = {};
  for (const field of Object.keys(event)) if (!TEXT_COPIES.has(field)) copy[field] = event[field];
  if (typeof copy.text === 'string') copy.text = await redact(typeof copy.user === 'string' ? copy.user : undefined, copy.text);
  return { ...body, event: copy };
}
