import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { z } from 'zod';

/**
 * The only module that reads the environment. Every problem is reported at once, each naming
 * the variable and the fix, so a misconfigured start fails in one round trip.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const listOfIds = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(/[\s,]+/).filter(Boolean));

const positiveInteger = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed <= 0) {
        context.addIssue({ code: 'custom', message: `must be a whole number above 0 (got "${value}")` });
        return z.NEVER;
      }
      return parsed;
    });

const environmentSchema = z.object({
  SLACK_BOT_TOKEN: optionalText.pipe(z.string().startsWith('xoxb-', 'must start with xoxb- (Bot User OAuth Token)').optional()),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(z.string().startsWith('xapp-', 'must start with xapp- (App-Level Token with connections:write)').optional()),
  SLACK_API_URL: optionalText.pipe(z.string().url('must be a URL such as https://slack.com/api/').optional()),
  PORT: positiveInteger(3000).pipe(z.number().max(65535, 'must be a port number up to 65535')),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().default('data/itda.db'),
  INDEX_DIR: z.string().default('data/index'),
  KNOWLEDGE_DIR: z.string().default('knowledge'),
  CATALOG_PATH: z.string().default('knowledge/hospitals'),
  PROMPTS_DIR: z.string().default('prompts'),
  STAFF_USER_IDS: listOfIds,
  STAFF_CHANNEL_ID: optionalText,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.string().url('must be a URL such as https://api.openai.com/v1').optional()),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  LLM_TIMEOUT_MS: positiveInteger(20_000),
  ITDA_NOW: optionalText.pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'must be a date such as 2025-04-20 or 2025-04-20T09:00:00+09:00')
      .optional(),
  ),
  RETENTION_DAYS: positiveInteger(90),
  RATE_LIMIT_PER_MINUTE: positiveInteger(20),
  SLACK_SOCKET_CONNECT_TIMEOUT_MS: positiveInteger(30_000),
  ANSWER_IN_WORKER: z
    .enum(['true', 'false', ''], { message: 'must be true or false' })
    .optional()
    .transform((value) => value !== 'false'),
  SLACK_WORKING_STATUS_DELAY_MS: z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return 2_000;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < 0) {
        context.addIssue({ code: 'custom', message: `must be a whole number of milliseconds, 0 or more (got "${value}")` });
        return z.NEVER;
      }
      return parsed;
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type SlackMode =
  | { kind: 'console' }
  | { kind: 'socket'; botToken: string; appToken: string; signingSecret?: string }
  | { kind: 'http'; botToken: string; signingSecret: string; port: number; host: string };

export interface ItdaConfig {
  slack: SlackMode;
  slackApiUrl?: string;
  databasePath: string;
  indexDir: string;
  knowledgeDir: string;
  catalogPath: string;
  /** The model prompts staff may tune (prompts/*.md), reloaded live like knowledge/. */
  promptsDir: string;
  staffUserIds: string[];
  staffChannelId?: string;
  openai?: { apiKey: string; baseUrl?: string; model: string; embeddingModel: string; timeoutMs: number };
  /** "Today" for deadline answers; ITDA_NOW pins it. */
  now: () => Date;
  retentionDays: number;
  rateLimitPerMinute: number;
  /** Socket Mode: how long the start may wait for Slack's hello before it fails. */
  socketConnectTimeoutMs: number;
  /** How long an answer may take before Itda puts 👀 on the message it is answering (0: at once). */
  workingStatusDelayMs: number;
  /** Slack mode: questions are answered on a worker thread, so the main thread keeps acknowledging and posting. */
  answerInWorker: boolean;
  logLevel: z.output<typeof environmentSchema>['LOG_LEVEL'];
}

export type ConfigResult = { ok: true; config: ItdaConfig } | { ok: false; problems: string[] };

const FIXES: Record<string, string> = {
  SLACK_BOT_TOKEN: 'copy the Bot User OAuth Token (xoxb-…) from your Slack app’s OAuth & Permissions page',
  SLACK_APP_TOKEN: 'create an App-Level Token with connections:write under Basic Information',
  SLACK_SIGNING_SECRET: 'copy the Signing Secret from your Slack app’s Basic Information page',
};

export function parseConfig(environment: Record<string, string | undefined>): ConfigResult {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0]);
      const fix = FIXES[variable] ? ` (fix: ${FIXES[variable]})` : ' (fix: correct it in .env or the environment, see .env.example)';
      return `${variable}: ${issue.message}${fix}`;
    });
    return { ok: false, problems };
  }
  const env = parsed.data;
  const problems: string[] = [];
  const slack = slackMode(env, problems);
  if (problems.length > 0) return { ok: false, problems };
  const pinned = env.ITDA_NOW ? pinnedDate(env.ITDA_NOW) : undefined;
  return {
    ok: true,
    config: {
      slack,
      slackApiUrl: env.SLACK_API_URL,
      databasePath: env.DATABASE_PATH,
      indexDir: env.INDEX_DIR,
      knowledgeDir: env.KNOWLEDGE_DIR,
      catalogPath: env.CATALOG_PATH,
      promptsDir: env.PROMPTS_DIR,
      staffUserIds: env.STAFF_USER_IDS,
      staffChannelId: env.STAFF_CHANNEL_ID,
      openai: env.OPENAI_API_KEY
        ? {
            apiKey: env.OPENAI_API_KEY,
            baseUrl: env.OPENAI_BASE_URL,
            model: env.OPENAI_MODEL,
            embeddingModel: env.OPENAI_EMBEDDING_MODEL,
            timeoutMs: env.LLM_TIMEOUT_MS,
          }
        : undefined,
      now: pinned ? () => new Date(pinned) : () => new Date(),
      retentionDays: env.RETENTION_DAYS,
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      socketConnectTimeoutMs: env.SLACK_SOCKET_CONNECT_TIMEOUT_MS,
      workingStatusDelayMs: env.SLACK_WORKING_STATUS_DELAY_MS,
      answerInWorker: env.ANSWER_IN_WORKER,
      logLevel: env.LOG_LEVEL,
    },
  };
}

function slackMode(env: z.output<typeof environmentSchema>, problems: string[]): SlackMode {
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = env;
  if (!botToken) {
    if (appToken || signingSecret) problems.push(`SLACK_BOT_TOKEN: is missing while ${appToken ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is set (fix: ${FIXES.SLACK_BOT_TOKEN}, or unset the other Slack variables to chat in the terminal)`);
    return { kind: 'console' };
  }
  if (appToken) return { kind: 'socket', botToken, appToken, signingSecret };
  if (signingSecret) return { kind: 'http', botToken, signingSecret, port: env.PORT, host: env.HOST };
  problems.push(`SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: one is needed with SLACK_BOT_TOKEN (fix: set SLACK_APP_TOKEN for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode)`);
  return { kind: 'console' };
}

/** A bare date pins noon in Seoul, so the day is the same whatever the machine's time zone. */
function pinnedDate(value: string): number {
  return Date.parse(value.length === 10 ? `${value}T12:00:00+09:00` : value);
}

/** Reads the process environment, with `.env` (if present) filling what the environment leaves unset. */
export function readConfigFromProcess(envFile = '.env'): ConfigResult {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return parseConfig({ ...fromFile, ...process.env });
}
