import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { slackSender, type SlackSender } from '../fakes/signed-slack-requests.js';

export const CHILD_SIGNING_SECRET = 'hardening-signing-secret-4f1c9e';
export const CHILD_BOT_TOKEN = 'xoxb-hardening-0000-secret-token';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ItdaProcess {
  pid: number;
  /** The Slack request URL, http://127.0.0.1:PORT/slack/events. */
  url: string;
  send: SlackSender;
  /** Every stdout line the process printed so far (JSON logs). */
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** kill -9: no clean-up of any kind. */
  crash(): Promise<void>;
}

export interface ItdaProcessOptions {
  databasePath: string;
  slackApiUrl: string;
  environment?: Record<string, string>;
  /** How long to wait for /healthz (default 15 s). */
  startTimeoutMs?: number;
  /** Extra Node flags, e.g. ['--cpu-prof'] to profile a load run. */
  nodeFlags?: string[];
}

/**
 * Itda as operators run it: its own Node process running the prebuilt `dist/main.js` (what
 * `npm start` runs; test/prebuilt-runtime-setup.ts builds it) in HTTP mode on 127.0.0.1.
 * Node is started directly rather than through npm, so the pid is Itda's own: kill -9 hits
 * it, and its memory is what is measured.
 */
/** HTTP mode on 127.0.0.1:port against `slackApiUrl`, nothing inherited but PATH and HOME. */
export function itdaChildEnvironment(databasePath: string, slackApiUrl: string, port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    SLACK_BOT_TOKEN: CHILD_BOT_TOKEN,
    SLACK_SIGNING_SECRET: CHILD_SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_PATH: databasePath,
    INDEX_DIR: `${databasePath}.index`,
    STAFF_USER_IDS: 'USTAFF01',
    ITDA_NOW: '2026-11-28',
    LOG_LEVEL: 'warn',
  };
}

export async function startItdaProcess(options: ItdaProcessOptions): Promise<ItdaProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), 'dist/main.js'], {
    cwd: PROJECT_ROOT,
    env: { ...itdaChildEnvironment(options.databasePath, options.slackApiUrl, port), ...options.environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = collectLines(child, 'stdout');
  const stderr = collectLines(child, 'stderr');
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const base = `http://127.0.0.1:${port}`;
  // A child that never became healthy is killed here: the caller gets no handle to stop it.
  await waitForHealth(base, exited, options.startTimeoutMs ?? 15_000, stderr).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const url = `${base}/slack/events`;
  return {
    pid: child.pid!,
    url,
    send: slackSender(url, CHILD_SIGNING_SECRET),
    stdout,
    stderr,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function collectLines(child: ChildProcess, stream: 'stdout' | 'stderr'): string[] {
  const lines: string[] = [];
  let partial = '';
  child[stream]!.setEncoding('utf8');
  child[stream]!.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter((line) => line.length > 0));
  });
  child[stream]!.on('end', () => {
    if (partial) lines.push(partial);
  });
  return lines;
}

async function waitForHealth(base: string, exited: Promise<unknown>, timeoutMs: number, stderr: string[]): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    const healthy = await fetch(`${base}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Itda did not become healthy at ${base} within ${timeoutMs} ms${gone ? ' (it exited)' : ''}\n${stderr.join('\n')}`);
}

/** A port the OS just had free on 127.0.0.1 (Itda's config wants a number, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Peak resident memory of a process so far (VmHWM), in megabytes; undefined off Linux. */
export async function peakMemoryMegabytes(pid: number): Promise<number | undefined> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const match = status?.match(/^VmHWM:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) / 1024 : undefined;
}
