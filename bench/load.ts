import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFakeSlackInOwnProcess } from './fake-slack-in-own-process.js';
import { CHILD_SIGNING_SECRET, peakMemoryMegabytes, startItdaProcess } from '../test/hardening/itda-child-process.js';

/**
 * `npm run bench:load [-- --events N]`: a deadline-day burst against the real server. Itda runs
 * as its own process in HTTP mode on 127.0.0.1 against a fake Slack Web API; N signed DM events
 * from N different founders arrive at once, a quarter of them redelivered by "Slack" with the
 * same event id. Targets: every ack < 3 s, ack p95 < 100 ms, none lost, none answered twice,
 * peak RSS < 300 MB.
 */
const DEFAULT_EVENTS = 500;
const ANSWER_TIMEOUT_MS = 120_000;

const QUESTIONS = [
  '지원금은 얼마까지 받을 수 있나요?',
  '신청 마감이 언제예요?',
  '지원 대상이 어떻게 돼요?',
  '가명정보는 동의 없이 쓸 수 있나요?',
  '참여 병원은 어디어디인가요?',
  'How much funding can a startup receive?',
  'When is the application deadline?',
  'Who is eligible to apply?',
  '컨소시엄은 몇 개 기관까지 구성할 수 있어요?',
  'Can we use pseudonymised hospital data without consent?',
  '연구비로 장비를 살 수 있나요?',
  '신청서는 어떻게 제출하나요?',
];

export async function benchLoad(options: { events?: number; nodeFlags?: string[] } = {}): Promise<string[]> {
  const events = options.events ?? DEFAULT_EVENTS;
  const directory = await mkdtemp(join(tmpdir(), 'itda-load-'));
  const slack = await startFakeSlackInOwnProcess();
  const itda = await startItdaProcess({
    databasePath: join(directory, 'itda.db'),
    slackApiUrl: slack.apiUrl,
    environment: { INDEX_DIR: mkdtempSync(join(tmpdir(), 'itda-test-index-')) },
    nodeFlags: options.nodeFlags,
  }).catch(async (error: unknown) => {
    await slack.close();
    throw error;
  });
  let peakMemory = 0;
  const memoryPoll = setInterval(() => {
    void peakMemoryMegabytes(itda.pid).then((megabytes) => (peakMemory = Math.max(peakMemory, megabytes ?? 0)));
  }, 100);
  try {
    const acks: number[] = [];
    const failures: string[] = [];
    const agent = new Agent({ keepAlive: true });
    // Bodies are built and signed before the clock starts: the burst measures Itda, not the generator.
    const deliveries: { body: string; retryNum?: number }[] = [];
    for (let index = 0; index < events; index += 1) {
      const body = JSON.stringify({
        token: 'legacy', team_id: 'T0TEST', api_app_id: 'A0ITDA', type: 'event_callback', event_id: `EvLOAD${index}`, event_time: Math.floor(Date.now() / 1000),
        event: { type: 'message', channel_type: 'im', user: `ULOAD${index}`, channel: `DLOAD${index}`, ts: `${1_700_500_000 + index}.000100`, text: QUESTIONS[index % QUESTIONS.length]! },
      });
      deliveries.push({ body });
      if (index % 4 === 0) deliveries.push({ body, retryNum: 1 });
    }
    await warmUp(itda.url, agent, slack.callsTo);
    const cpuBefore = await processCpuMs(itda.pid);
    const started = performance.now();
    const sends = deliveries.map(async ({ body, retryNum }) => {
      const outcome = await post(itda.url, body, retryNum, agent);
      if (typeof outcome.ackMs === 'number') acks.push(outcome.ackMs);
      if (outcome.status !== 200) failures.push(`${JSON.parse(body).event_id}: ${outcome.status ?? outcome.error}`);
    });
    await Promise.all(sends);
    agent.destroy();
    const answered = await waitForAnswers(slack.callsTo, events, ANSWER_TIMEOUT_MS);
    const allAnsweredMs = performance.now() - started;
    const cpuAfter = await processCpuMs(itda.pid);
    // Give a late duplicate the chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const perChannel = answersPerChannel(await slack.callsTo('chat.postMessage'));
    const duplicates = [...perChannel].filter(([channel, count]) => channel.startsWith('DLOAD') && count > 1).length;
    const lost = events - [...perChannel.keys()].filter((channel) => channel.startsWith('DLOAD')).length;
    peakMemory = Math.max(peakMemory, (await peakMemoryMegabytes(itda.pid)) ?? 0);
    const sorted = [...acks].sort((a, b) => a - b);
    const p50 = percentile(sorted, 0.5);
    const p95 = percentile(sorted, 0.95);
    const max = sorted.at(-1) ?? 0;
    const target = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    return [
      `events: ${events} at once (+ ${Math.ceil(events / 4)} redeliveries with X-Slack-Retry-Num: 1), ${events} distinct users, after ${WARM_UP_EVENTS} unmeasured warm-up questions`,
      `ack: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms  [target p95 < 100 ms: ${target(p95 < 100)}; every ack < 3 s: ${target(max < 3000)}]`,
      `non-200 acks: ${failures.length}${failures.length > 0 ? ` (first: ${failures.slice(0, 3).join('; ')})` : ''}`,
      `Itda process CPU per DM over the burst (user + system from /proc, ÷ ${events}): ${cpuBefore !== undefined && cpuAfter !== undefined ? `${((cpuAfter - cpuBefore) / events).toFixed(2)} ms` : 'not measurable here'}  [goal ≤ 2.5 ms]; load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`,
      `all answered after: ${answered ? `${(allAnsweredMs / 1000).toFixed(2)} s` : `not within ${ANSWER_TIMEOUT_MS / 1000} s`}`,
      `duplicates (events answered more than once): ${duplicates}  [target 0: ${target(duplicates === 0)}]`,
      `lost (no answer within ${ANSWER_TIMEOUT_MS / 1000} s): ${lost}  [target 0: ${target(lost === 0)}]`,
      `peak memory of the Itda process (VmHWM): ${peakMemory.toFixed(0)} MB  [target < 300 MB: ${target(peakMemory > 0 && peakMemory < 300)}]`,
    ];
  } finally {
    clearInterval(memoryPoll);
    await itda.stop();
    await slack.close();
    await rm(directory, { recursive: true, force: true });
  }
}

const WARM_UP_EVENTS = 20;

/** User + system CPU of a process so far, from /proc/<pid>/stat (Linux); undefined elsewhere. */
async function processCpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" that closes the command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100;
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/** A server on deadline day has been answering for a while: a few questions first, one at a time, unmeasured. */
async function warmUp(url: string, agent: Agent, callsTo: (method: string) => Promise<unknown[]>): Promise<void> {
  for (let index = 0; index < WARM_UP_EVENTS; index += 1) {
    const before = (await callsTo('chat.postMessage')).length;
    const body = JSON.stringify({
      token: 'legacy', team_id: 'T0TEST', api_app_id: 'A0ITDA', type: 'event_callback', event_id: `EvWARM${index}`, event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel_type: 'im', user: `UWARM${index}`, channel: `WARM${index}`, ts: `${1_700_400_000 + index}.000100`, text: QUESTIONS[index % QUESTIONS.length]! },
    });
    await post(url, body, undefined, agent);
    const deadline = performance.now() + 5_000;
    while ((await callsTo('chat.postMessage')).length === before && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * One signed delivery. The ack time runs from the moment the request has left for the socket
 * to the response, which is what Slack's 3-second timer sees.
 */
function post(url: string, body: string, retryNum: number | undefined, agent: Agent): Promise<{ status?: number; ackMs?: number; error?: string }> {
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = `v0=${createHmac('sha256', CHILD_SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return new Promise((resolve) => {
    let sentAt = performance.now();
    const outgoing = request(url, {
      method: 'POST',
      agent,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'X-Slack-Request-Timestamp': timestamp,
        'X-Slack-Signature': signature,
        ...(retryNum ? { 'X-Slack-Retry-Num': String(retryNum), 'X-Slack-Retry-Reason': 'http_timeout' } : {}),
      },
    });
    outgoing.on('finish', () => (sentAt = performance.now()));
    outgoing.on('response', (response) => {
      const ackMs = performance.now() - sentAt;
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode, ackMs }));
    });
    outgoing.on('error', (error) => resolve({ error: error.message }));
    outgoing.end(body);
  });
}

async function waitForAnswers(callsTo: (method: string) => Promise<{ body: Record<string, unknown> }[]>, events: number, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if ([...answersPerChannel(await callsTo('chat.postMessage')).keys()].filter((channel) => channel.startsWith('DLOAD')).length >= events) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

function answersPerChannel(posts: { body: Record<string, unknown> }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const post of posts) {
    const channel = String(post.body.channel);
    counts.set(channel, (counts.get(channel) ?? 0) + 1);
  }
  return counts;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

function eventsFlag(argv: string[]): number | undefined {
  const index = argv.indexOf('--events');
  if (index < 0) return undefined;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--events needs a whole number above 0 (got "${argv[index + 1] ?? ''}")`);
  return value;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchLoad({ events: eventsFlag(process.argv.slice(2)), nodeFlags: process.argv.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}`] : undefined })
    .then((lines) => {
      process.stdout.write(`${lines.join('\n')}\n`);
      if (lines.some((line) => line.includes('MISSED'))) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`bench:load could not run: ${(error as Error).message}\n`);
      process.exitCode = 1;
    });
}
