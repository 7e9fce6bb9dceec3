import type { ItdaConfig } from '../config/config.js';
import { runTerminalChat } from '../console/terminal-chat.js';
import { createLogger } from '../observability/logger.js';
import { createItda } from './create-itda.js';
import { text } from '../messages/messages.js';

/** The terminal chat over the real engine and database. Logs go to stderr, quieter than in Slack mode. */
export async function startTerminalChat(config: ItdaConfig, options: { userId: string; staff: boolean }): Promise<void> {
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'stderr');
  const staffConfig = options.staff ? { ...config, staffUserIds: [...config.staffUserIds, options.userId] } : config;
  const running = await createItda(staffConfig, logger);
  const interactive = Boolean(process.stdin.isTTY);
  (interactive ? process.stdout : process.stderr).write(`${text('ko', 'conversation.slackHint')}\n`);
  try {
    await runTerminalChat({
      itda: running.itda,
      userId: options.userId,
      input: process.stdin,
      output: process.stdout,
      interactive,
      exportDir: 'out',
      logger,
    });
  } finally {
    await running.close();
  }
}
