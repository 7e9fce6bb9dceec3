import { randomUUID } from 'node:crypto';
import type { Language } from '../messages/language.js';
import { text as messageText } from '../messages/messages.js';
import type { Logger } from '../observability/logger.js';

/**
 * Every answer still being worked on or delivered, so a shutdown can wait for them: the engine's
 * own queue ends before the reply is posted, and button presses never enter that queue.
 */
const inFlight = new Set<Promise<void>>();

export async function answersInFlight(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}

/**
 * Runs one listener's work. An unexpected failure is logged with a reference id and the user
 * gets a short apology quoting it; the process carries on with the next event.
 */
export function answerSafely(
  logger: Logger,
  details: { eventId?: string; userId?: string; surface: string },
  apologise: (text: string) => Promise<unknown>,
  work: () => Promise<void>,
  language: Language = 'ko',
): Promise<void> {
  const handling = handle(logger, details, apologise, work, language);
  inFlight.add(handling);
  void handling.finally(() => inFlight.delete(handling));
  return handling;
}

async function handle(
  logger: Logger,
  details: { eventId?: string; userId?: string; surface: string },
  apologise: (text: string) => Promise<unknown>,
  work: () => Promise<void>,
  language: Language,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const told = (error as { userMessage?: Record<Language, string>; reference?: string } | null) ?? {};
    const reference = told.reference ?? randomUUID().slice(0, 8);
    logger.error({ err: error, reference, ...details }, 'handler failed');
    // A failure that knows what the user should hear (a staff notice that never arrived) says it.
    const text = told.userMessage ? told.userMessage[language] : messageText(language, 'conversation.handlerFailed', { reference });

    await apologise(text).catch((apologyError: unknown) => logger.error({ err: apologyError, reference }, 'apology failed'));
  }
}
