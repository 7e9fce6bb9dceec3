import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Tokens and message text never go in; events are logged by id.
 * In the terminal chat, logs go to stderr so they never mix with the conversation.
 */
export function createLogger(level: string, destination: 'stdout' | 'stderr' = 'stdout'): Logger {
  return pino(
    {
      level,
      base: { app: 'itda' },
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.apiKey', 'apiKey', 'text', '*.text'], censor: '[redacted]' },
    },
    pino.destination(destination === 'stderr' ? 2 : 1),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
