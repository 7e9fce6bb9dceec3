import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { startSlack, type RunningSlack } from '../../src/app/start-slack.js';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.js';
import { startFakeSocketModeServer, type FakeSocketModeServer } from '../fakes/fake-socket-mode-server.js';
import { fixture } from './replay-fixture.js';
import { copyOfBuiltIndex } from '../built-index.js';

async function startItdaOverSocket(slack: FakeSlackApi, environment: Record<string, string> = {}): Promise<RunningSlack> {
  const parsed = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_APP_TOKEN: 'xapp-1-A0ITDA-test',
    SLACK_API_URL: slack.apiUrl,
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'itda-socket-')), 'itda.db'),
    INDEX_DIR: copyOfBuiltIndex(),
    STAFF_USER_IDS: 'USTAFF01',
    ITDA_NOW: '2026-11-28',
    LOG_LEVEL: 'silent',
    // As in start-itda-over-http.ts: the engine answers in-process (a worker run from source starts tsx
    // again, seconds of CPU per start); answering-worker.e2e.test.ts and the child-process tests cover the worker.
    ANSWER_IN_WORKER: 'false',
    ...environment,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  if (parsed.config.slack.kind !== 'socket') throw new Error('expected Socket Mode');
  return startSlack(parsed.config, parsed.config.slack);
}

/** Socket Mode end to end: a fake apps.connections.open and a WebSocket server on 127.0.0.1. */
describe('Itda over Socket Mode', () => {
  let slack: FakeSlackApi;
  let socket: FakeSocketModeServer;
  let itda: RunningSlack;

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    socket = await startFakeSocketModeServer();
    slack.socketModeUrl = socket.url;
    itda = await startItdaOverSocket(slack);
  });
  afterAll(async () => {
    await itda?.stop();
    await socket.close();
    await slack.close();
  });

  it('connects after hello, having asked apps.connections.open with the app token', async () => {
    expect(slack.callsTo('apps.connections.open')).toHaveLength(1);
    expect(socket.connections).toBe(1);
  });

  it('events_api: acknowledges the envelope and answers the DM through the Web API', async () => {
    const envelope = socket.send('events_api', fixture('events', 'message-im'));
    await socket.waitForAck(envelope, 30_000);
    const answer = await slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'D0FOUNDER2', 30_000);
    expect(String(answer.body.text)).toContain('지원금');
  });

  it('slash_commands: acknowledged, answered privately on response_url', async () => {
    const envelope = socket.send('slash_commands', fixture('commands', 'itda-help', { response_url: slack.responseUrl('socket-help') }));
    await socket.waitForAck(envelope, 30_000);
    const posted = await slack.waitForCall('response_url', (call) => call.body.id === 'socket-help', 30_000);
    expect(posted.body.response_type).toBe('ephemeral');
  });

  it('interactive: forget_cancel acknowledged, the ephemeral prompt replaced', async () => {
    const envelope = socket.send('interactive', fixture('actions', 'forget-cancel-ephemeral', { response_url: slack.responseUrl('socket-cancel'), message_ts: '1726139999.000100' }));
    await socket.waitForAck(envelope, 30_000);
    const posted = await slack.waitForCall('response_url', (call) => call.body.id === 'socket-cancel', 30_000);
    expect(posted.body).toMatchObject({ replace_original: true });
  });

  it('disconnect (refresh_requested): reconnects with a fresh URL and keeps answering', async () => {
    socket.askToReconnect();
    await socket.waitForConnections(2);
    expect(slack.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(2);
    const envelope = socket.send('events_api', fixture('events', 'app-mention'));
    await socket.waitForAck(envelope, 30_000);
    await slack.waitForCall('chat.postMessage', (call) => call.body.channel === 'C0GENERAL', 30_000);
  }, 20_000);
});

describe('Socket Mode that cannot connect', () => {
  it('fails the start with an error naming what to check, within SLACK_SOCKET_CONNECT_TIMEOUT_MS', async () => {
    const slack = await startFakeSlackApi();
    slack.socketModeUrl = `ws://127.0.0.1:${await closedPort()}/link/`;
    const started = Date.now();
    try {
      await expect(startItdaOverSocket(slack, { SLACK_SOCKET_CONNECT_TIMEOUT_MS: '1500' })).rejects.toThrow(/Socket Mode did not connect to Slack within 2 s.*SLACK_APP_TOKEN/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await slack.close();
    }
  });
});

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
