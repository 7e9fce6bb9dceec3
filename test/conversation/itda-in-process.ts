import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/config.js';
import { createItda, type RunningItda } from '../../src/app/create-itda.js';
import { renderReplyAsText } from '../../src/console/render-reply-as-text.js';
import { silentLogger } from '../../src/observability/logger.js';
import type { Reply } from '../../src/ports/reply.js';
import { copyOfBuiltIndex } from '../built-index.js';

export interface Transcript {
  running: RunningItda;
  /** Sends one message as `userId` and returns the replies as the terminal shows them. */
  say(userId: string, text: string): Promise<string>;
  replies(userId: string, text: string): Promise<Reply[]>;
  press(userId: string, actionId: string, value?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real engine over a temporary database: what the terminal and Slack both drive. */
export async function startTranscript(environment: Record<string, string> = {}, databasePath?: string): Promise<Transcript> {
  const directory = mkdtempSync(join(tmpdir(), 'itda-transcript-'));
  const parsed = parseConfig({
    DATABASE_PATH: databasePath ?? join(directory, 'itda.db'),
    INDEX_DIR: copyOfBuiltIndex(),
    ITDA_NOW: '2026-11-28',
    STAFF_USER_IDS: 'USTAFF',
    LOG_LEVEL: 'silent',
    ...environment,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const running = await createItda(parsed.config, silentLogger);
  const render = (replies: Reply[]) => replies.map((reply) => renderReplyAsText(reply, 'ko')).join('\n---\n');
  return {
    running,
    replies: (userId, text) => running.itda.respond({ userId, conversationId: `test:${userId}`, text }),
    say: async (userId, text) => render(await running.itda.respond({ userId, conversationId: `test:${userId}`, text })),
    press: async (userId, actionId, value = '') => render(await running.itda.action(userId, actionId, value)),
    close: () => running.close(),
  };
}
