import type { webApi } from '@slack/bolt';
import type { Logger } from '../../../observability/logger.js';

const WORKING_REACTION = 'eyes';

/**
 * 👀 on the person's message while Itda works on it, once the answer has taken longer than
 * `delayMs`, removed after the answer is posted, so a slow answer never sits there looking
 * unread. An answer that comes sooner needs no sign of life: most answers are ready in
 * milliseconds, and two Web API calls per message were most of a burst's Slack traffic.
 * A reaction that cannot be set is no reason not to answer.
 */
export async function whileWorking<T>(client: webApi.WebClient, logger: Logger, message: { channel: string; ts?: string }, work: () => Promise<T>, delayMs = 0): Promise<T> {
  if (!message.ts) return work();
  const where = { channel: message.channel, timestamp: message.ts, name: WORKING_REACTION };
  let added: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    added = client.reactions.add(where).catch((error: unknown) => logger.debug({ err: error }, 'working reaction not added'));
  }, delayMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    // Removed only once it is there: a remove that overtook its add would leave the 👀 behind.
    if (added) {
      await added;
      await client.reactions.remove(where).catch((error: unknown) => logger.debug({ err: error }, 'working reaction not removed'));
    }
  }
}
