import type { webApi } from '@slack/bolt';
import { slackErrorCode } from './slack-error.js';

/** Who the bot token belongs to: Bolt is given these, so it has no auth.test of its own to run. */
export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/** Slack cannot be used as configured; `badInput` when the fix is in the configuration (exit 2). */
export class SlackUnusable extends Error {
  constructor(message: string, readonly badInput: boolean) {
    super(message);
  }
}

const SLACK_WEB_API = 'https://slack.com/api/';
const TOKEN_REJECTIONS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/**
 * auth.test once, at start. Bolt's own call runs unawaited in its constructor, so a wrong token
 * or an unreachable Slack ended the process on an unhandled rejection with a stack trace.
 */
export async function botIdentity(client: webApi.WebClient, apiUrl: string | undefined): Promise<BotIdentity> {
  let result: Awaited<ReturnType<webApi.WebClient['auth']['test']>>;
  try {
    result = await client.auth.test();
  } catch (error) {
    throw unusable(error, apiUrl);
  }
  if (!result.bot_id || !result.user_id) {
    throw new SlackUnusable('SLACK_BOT_TOKEN is not a bot token (Slack names no bot for it). Fix: copy the Bot User OAuth Token (xoxb-…) from the app\'s "OAuth & Permissions" page.', true);
  }
  return { botId: result.bot_id, botUserId: result.user_id };
}

/** `apiUrl` is SLACK_API_URL, undefined when Slack's own address is used. */
function unusable(error: unknown, apiUrl: string | undefined): SlackUnusable {
  const slackError = slackErrorCode(error);
  if (slackError && TOKEN_REJECTIONS.has(slackError)) {
    return new SlackUnusable(`Slack rejected SLACK_BOT_TOKEN (${slackError}). Fix: copy the Bot User OAuth Token (xoxb-…) from the app's "OAuth & Permissions" page, reinstalling the app if it was removed.`, true);
  }
  if (slackError) return new SlackUnusable(`Slack answered auth.test with "${slackError}". Fix: check SLACK_BOT_TOKEN and the app's installation.`, false);
  return new SlackUnusable(`Slack's Web API at ${apiUrl ?? SLACK_WEB_API} cannot be reached (${rootCause(error)}). Fix: check the network${apiUrl ? ', or SLACK_API_URL' : ''}, then start again.`, false);
}

function rootCause(error: unknown): string {
  let current = error as { cause?: unknown; message?: string; code?: string } | undefined;
  while (current && typeof current === 'object' && current.cause) current = current.cause as typeof current;
  return current?.code ?? current?.message ?? String(error);
}
