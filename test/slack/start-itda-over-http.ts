import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type ItdaConfig } from '../../src/config/config.js';
import { startSlack, type RunningSlack } from '../../src/app/start-slack.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { slackSender, type SlackSender } from '../fakes/signed-slack-requests.js';
import { copyOfBuiltIndex } from '../built-index.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const STAFF_USER = 'USTAFF01';

export interface ItdaOverHttp {
  slack: FakeSlackApi;
  send: SlackSender;
  url: string;
  databasePath: string;
  config: ItdaConfig;
  running: RunningSlack;
  stop(): Promise<void>;
}

/** The real Bolt app in HTTP mode on 127.0.0.1, talking to a fake Slack Web API. */
export async function startItdaOverHttp(environment: Record<string, string> = {}, databasePath?: string, fakeSlack?: FakeSlackApi): Promise<ItdaOverHttp> {
  const slack = fakeSlack ?? (await startFakeSlackApi());
  const database = databasePath ?? join(mkdtempSync(join(tmpdir(), 'itda-e2e-')), 'itda.db');
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    HOST: '127.0.0.1',
    DATABASE_PATH: database,
    INDEX_DIR: copyOfBuiltIndex(),
    STAFF_USER_IDS: STAFF_USER,
    STAFF_CHANNEL_ID: 'CSTAFF',
    ITDA_NOW: '2026-11-28',
    LOG_LEVEL: 'silent',
    // The engine answers in-process here (a worker from source starts tsx again, seconds per test); answering-worker.e2e.test.ts and the child-process tests run it on the worker.
    ANSWER_IN_WORKER: 'false',
    ...environment,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const config = parsed.config;
  if (config.slack.kind !== 'http') throw new Error('expected HTTP mode');
  const running = await startSlack(config, { ...config.slack, port: 0 });
  const url = `http://127.0.0.1:${running.port}/slack/events`;
  return {
    slack,
    send: slackSender(url, SIGNING_SECRET),
    url,
    databasePath: database,
    config,
    running,
    async stop() {
      await running.stop();
      await slack.close();
    },
  };
}

export const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
