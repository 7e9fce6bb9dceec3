import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { itdaChildEnvironment, PROJECT_ROOT } from './itda-child-process.js';

/** `npm start` in Slack mode (the prebuilt dist/main.js) when Slack cannot be used: what the operator reads. */
function startExpectingFailure(slackApiUrl: string): Promise<{ code: number | null; stderr: string }> {
  const directory = mkdtempSync(join(tmpdir(), 'itda-start-failure-'));
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: PROJECT_ROOT,
    // The port is never bound: the start stops before the server opens.
    env: itdaChildEnvironment(join(directory, 'itda.db'), slackApiUrl, 39_997),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      rmSync(directory, { recursive: true, force: true });
      resolve({ code, stderr });
    }),
  );
}

/** A port that was free a moment ago and has nothing listening now. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Slack mode started with a token Slack rejects, or with Slack out of reach', () => {
  let slack: FakeSlackApi;
  beforeAll(async () => {
    slack = await startFakeSlackApi();
  });
  afterAll(() => slack.close());

  it('a revoked token: one line naming SLACK_BOT_TOKEN and where to copy a good one, exit 2, no stack trace', async () => {
    slack.failNext('auth.test', 'invalid_auth', 5);
    const { code, stderr } = await startExpectingFailure(slack.apiUrl);
    expect(code).toBe(2);
    expect(stderr).toContain('Itda cannot start: Slack rejected SLACK_BOT_TOKEN (invalid_auth). Fix: copy the Bot User OAuth Token (xoxb-…)');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('nothing listening at SLACK_API_URL: says which address could not be reached and why, exit 1, no stack trace', async () => {
    const nobody = `http://127.0.0.1:${await closedPort()}/api/`;
    const { code, stderr } = await startExpectingFailure(nobody);
    expect(code).toBe(1);
    expect(stderr).toContain(`Itda cannot start: Slack's Web API at ${nobody} cannot be reached (ECONNREFUSED). Fix: check the network, or SLACK_API_URL, then start again.`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
