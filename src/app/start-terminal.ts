import type { ItdaConfig } from '../config/config.js';
import { runTerminalChat } from '../console/terminal-chat.js';
import { createLogger } from '../observability/logger.js';
import { createItda } from './create-itda.js';

export const SLACK_HINT =
  'Slack에 연결하려면 .env에 SLACK_BOT_TOKEN과 SLACK_APP_TOKEN(Socket Mode) 또는 SLACK_SIGNING_SECRET(HTTP)을 넣으세요 — README "Slack set-up" 참고. (To connect Slack, set SLACK_BOT_TOKEN plus SLACK_APP_TOKEN or SLACK_SIGNING_SECRET; see README.)';

/** The terminal chat over the real engine and database. Logs go to stderr, quieter than in Slack mode. */
export async function startTerminalChat(config: ItdaConfig, options: { userId: string; staff: boolean }): Promise<void> {
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'stderr');
  const staffConfig = options.staff ? { ...config, staffUserIds: [...config.staffUserIds, options.userId] } : config;
  const running = await createItda(staffConfig, logger);
  const interactive = Boolean(process.stdin.isTTY);
  (interactive ? process.stdout : process.stderr).write(`${SLACK_HINT}\n`);
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
