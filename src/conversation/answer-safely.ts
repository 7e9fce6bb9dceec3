import { randomUUID } from 'node:crypto';
import type { Language } from './reply.js';
import type { Logger } from '../observability/logger.js';

/**
 * Runs one listener's work. An unexpected failure is logged with a reference id and the user
 * gets a short apology quoting it; the process carries on with the next event.
 */
export async function answerSafely(
  logger: Logger,
  details: { eventId?: string; userId?: string; surface: string },
  apologise: (text: string) => Promise<unknown>,
  work: () => Promise<void>,
  language: Language = 'ko',
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const reference = randomUUID().slice(0, 8);
    logger.error({ err: error, reference, ...details }, 'handler failed');
    const text = language === 'ko'
      ? `죄송합니다. 요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요. (참조 번호: ${reference})`
      : `Sorry, something went wrong while handling that. Please try again shortly. (Reference: ${reference})`;
    await apologise(text).catch((apologyError: unknown) => logger.error({ err: apologyError, reference }, 'apology failed'));
  }
}
