import type { webApi } from '@slack/bolt';
import type { Logger } from '../../../observability/logger.js';

const WORKING_REACTION = 'eyes';

/**
 * 👀 on the person's message while Itda works on it, removed once the answer is posted, so a
 * mention or DM never sits there looking unread. A reaction that cannot be set is no reason
 * not to answer.
 */
export async function whileWorking<T>(client: webApi.WebClient, logger: Logger, message: { channel: string; ts?: string }, work: () => Promise<T>): Promise<T> {
  if (!message.ts) return work();
  const where = { channel: message.channel, timestamp: message.ts, name: WORKING_REACTION };
  await client.reactions.add(where).catch((error: unknown) => logger.debug({ err: error }, 'working reaction not added'));
  try {
    return await work();
  } finally {
    await client.reactions.remove(where).catch((error: unknown) => logger.debug({ err: error }, 'working reaction not removed'));
  }
}
