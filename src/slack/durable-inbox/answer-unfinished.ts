import type { App } from '@slack/bolt';
import type { Logger } from '../../observability/logger.js';
import type { EventInbox } from '../../storage/event-inbox.js';
import { postReplies, withDelayNote } from '../deliver-replies.js';
import type { InboxContext } from '../middleware/durable-inbox.js';
import { repliesFromStore } from './stored-replies.js';
import { alreadyPosted } from './posted-replies.js';

/** Older than this, an answer after a restart starts with an apology for the delay. */
const LATE_MS = 60_000;

/**
 * At start: events stored but never answered go through the listeners again, as if they had
 * just arrived; events answered but not (fully) delivered get their remaining stored replies,
 * without being answered a second time.
 */
export async function answerUnfinished(app: App, inbox: EventInbox, logger: Logger, client: App['client'] = app.client, now: () => Date = () => new Date()): Promise<{ answered: number; redelivered: number }> {
  const events = await inbox.unfinished();
  let answered = 0;
  let redelivered = 0;
  const work = events.map(async (event) => {
    const late = now().getTime() - Date.parse(event.receivedAt) > LATE_MS;
    try {
      if (event.status === 'received') {
        answered += 1;
        const context: InboxContext = { inboxOutcome: 'new', inboxLate: late };
        await app.processEvent({ body: event.body, ack: async () => undefined, customProperties: { ...context } });
        return;
      }
      redelivered += 1;
      for (const [index, batch] of event.outbox.entries()) {
        const replies = repliesFromStore(batch.replies);
        // The reply being posted at the instant of the crash may be in Slack already: not twice.
        const inboxReply = { inboxId: event.eventId, batch: index };
        if (batch.delivered < replies.length && (await alreadyPosted(client, batch.destination, { ...inboxReply, index: batch.delivered }, logger))) {
          batch.delivered += 1;
          await inbox.recordOutbox(event.eventId, event.outbox);
        }
        const toSend = late && index === 0 && batch.delivered === 0 && !batch.apologised ? withDelayNote(replies, batch.language) : replies;
        await postReplies(client, batch.destination, toSend, batch.language, batch.delivered, async (delivered) => {
          batch.delivered = delivered;
          await inbox.recordOutbox(event.eventId, event.outbox);
        }, inboxReply);
      }
      await inbox.finish(event.eventId);
    } catch (error) {
      logger.error({ err: error, eventId: event.eventId }, 'unfinished event still not answered; kept for the next start');
    }
  });
  await Promise.all(work);
  if (events.length > 0) logger.info({ answered, redelivered }, 'unfinished events answered after a restart');
  return { answered, redelivered };
}
