import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack Web API on 127.0.0.1. It records every call the real Bolt app makes
 * (chat.postMessage, views.publish, assistant.threads.*, files.*, chat.*Stream, posts to
 * response_url) and answers like Slack does, so tests assert on what Slack would receive.
 */
export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
}

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL, ending in /api/. */
  apiUrl: string;
  /** A response_url for slash-command and action payloads. */
  responseUrl(id: string): string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Waits for the first call to `method` that `matches`, e.g. the post to one response_url. */
  waitForCall(method: string, matches: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Resolves once no call has arrived for `quietMs`: every reply of a turn has been posted. */
  settled(quietMs?: number): Promise<void>;
  /**
   * Makes the next calls to a method fail with a Slack error code (e.g. msg_too_long).
   * `rate_limited` answers as Slack does: HTTP 429 with Retry-After: 1.
   */
  failNext(method: string, error: string, times?: number): void;
  uploads: Map<string, Buffer>;
  /** What apps.connections.open hands out (Socket Mode); set it to the fake socket server's URL. */
  socketModeUrl?: string;
  close(): Promise<void>;
}

export const BOT_USER_ID = 'UITDABOT';
export const BOT_ID = 'BITDABOT';

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const uploads = new Map<string, Buffer>();
  const failures = new Map<string, { error: string; times: number }>();
  let nextTs = 1_700_000_000;
  let base = '';
  const conversations = new PostedMessages();
  const server: Server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const url = request.url ?? '';
    response.setHeader('Content-Type', 'application/json');
    if (url.startsWith('/upload/')) {
      uploads.set(url.slice('/upload/'.length), raw);
      calls.push({ method: 'files.upload_url', body: { id: url.slice('/upload/'.length), bytes: raw.length } });
      response.end('OK');
      return;
    }
    if (url.startsWith('/response/')) {
      calls.push({ method: 'response_url', body: { id: url.slice('/response/'.length), ...parseBody(request, raw) } });
      response.end(JSON.stringify({ ok: true }));
      return;
    }
    const method = url.replace(/^\/api\//, '').split('?')[0] ?? '';
    const body = parseBody(request, raw);
    calls.push({ method, body });
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      if (failure.error === 'rate_limited') response.writeHead(429, { 'Retry-After': '1' });
      response.end(JSON.stringify({ ok: false, error: failure.error }));
      return;
    }
    nextTs += 1;
    // Slack has the message once it received the request, whether or not the poster hears back.
    if (method === 'chat.postMessage') conversations.add(body, `${nextTs}.000100`);
    if (method === 'conversations.history' || method === 'conversations.replies') {
      response.end(JSON.stringify(conversations.read(method, body)));
      return;
    }
    if (method === 'apps.connections.open') {
      response.end(JSON.stringify(fake.socketModeUrl ? { ok: true, url: fake.socketModeUrl } : { ok: false, error: 'invalid_auth' }));
      return;
    }
    response.end(JSON.stringify(answerFor(method, body, `${nextTs}.000100`, base)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeSlackApi = {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    async waitFor(method, count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = calls.filter((call) => call.method === method);
        if (found.length >= count) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`fake Slack: expected ${count} call(s) to ${method}, saw ${calls.map((call) => call.method).join(', ') || 'none'}`);
    },
    async waitForCall(method, matches, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = calls.find((call) => call.method === method && matches(call));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`fake Slack: no matching call to ${method} within ${timeoutMs} ms`);
    },
    async settled(quietMs = 150) {
      let seen = -1;
      while (seen !== calls.length) {
        seen = calls.length;
        await new Promise((resolve) => setTimeout(resolve, quietMs));
      }
    },
    failNext(method, error, times = 1) {
      failures.set(method, { error, times });
    },
    uploads,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return fake;
}

function answerFor(method: string, body: Record<string, unknown>, ts: string, base: string): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return { ok: true, url: 'https://itda-test.slack.com/', team: 'Itda Test', team_id: 'T0TEST', user: 'itda', user_id: BOT_USER_ID, bot_id: BOT_ID };
    case 'chat.postMessage':
    case 'chat.update':
    case 'chat.startStream':
      return { ok: true, channel: body.channel, ts, message: { text: body.text } };
    case 'conversations.open':
      return { ok: true, channel: { id: `D${String(body.users ?? 'USER').replace(/^U/, '')}` } };
    case 'conversations.members':
      return { ok: true, members: [], response_metadata: { next_cursor: '' } };
    case 'files.getUploadURLExternal': {
      const fileId = `F${ts.replace('.', '')}`;
      return { ok: true, file_id: fileId, upload_url: `${base}/upload/${fileId}` };
    }
    case 'files.completeUploadExternal':
      return { ok: true, files: typeof body.files === 'string' ? JSON.parse(body.files) : (body.files ?? []) };
    default:
      return { ok: true };
  }
}

interface PostedMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  text: unknown;
  metadata?: unknown;
}

/**
 * What chat.postMessage left in each conversation, read back as conversations.history (the
 * channel's top level) and conversations.replies (one thread) answer: newest first, `oldest`
 * honoured, message metadata only with include_all_metadata.
 */
class PostedMessages {
  private readonly messages: PostedMessage[] = [];

  add(body: Record<string, unknown>, ts: string): void {
    this.messages.push({ channel: String(body.channel), ts, threadTs: body.thread_ts ? String(body.thread_ts) : undefined, text: body.text, metadata: body.metadata });
  }

  read(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const oldest = Number(body.oldest ?? 0);
    const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
    const inPlace = (message: PostedMessage) =>
      message.channel === String(body.channel) && (method === 'conversations.history' ? !message.threadTs : message.threadTs === String(body.ts));
    const messages = this.messages
      .filter((message) => inPlace(message) && Number(message.ts) >= oldest)
      .reverse()
      .slice(0, Number(body.limit ?? 100))
      .map((message) => ({ type: 'message', user: BOT_USER_ID, bot_id: BOT_ID, text: message.text, ts: message.ts, ...(message.threadTs ? { thread_ts: message.threadTs } : {}), ...(withMetadata && message.metadata ? { metadata: message.metadata } : {}) }));
    return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
  }
}

function parseBody(request: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (!text) return {};
  if ((request.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const parsed: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    parsed[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return parsed;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
