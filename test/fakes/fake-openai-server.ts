import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for an OpenAI-compatible API on 127.0.0.1, for tests that must not touch the network.
 *
 *   const openai = await startFakeOpenAi();
 *   new OpenAI({ apiKey: 'test', baseURL: openai.url });   // url already ends in /v1
 *   openai.setChatReply((request) => 'canned answer');      // or a JSON string when json mode is asked for
 *   openai.failNext(429, 1);                                 // the next request is refused once, then served
 *   expect(openai.requests.map((r) => r.path)).toEqual(['/v1/embeddings']);
 *   await openai.close();
 *
 * Endpoints:
 * - POST /v1/embeddings: a deterministic vector per input (hashed character bigrams, so similar
 *   texts get similar vectors), `dimensions` wide if asked, else `embeddingDimension` (default 64).
 *   Answers base64 little-endian float32 when `encoding_format` is "base64" (the openai SDK's
 *   default) and plain number arrays otherwise.
 * - POST /v1/chat/completions: the text from `setChatReply` (default {@link DEFAULT_CHAT_REPLY}),
 *   as one JSON completion or, with `stream: true`, as server-sent events.
 * Every request (failed ones included) is recorded in `requests` in arrival order.
 */
export const DEFAULT_CHAT_REPLY = 'This is the fake model reply.';

export interface FakeChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  response_format?: { type: string };
  [field: string]: unknown;
}

export type ChatReplyFunction = (request: FakeChatRequest) => string | Promise<string>;

export interface FakeOpenAi {
  /** Base URL including /v1, ready for `baseURL` / OPENAI_BASE_URL. */
  url: string;
  requests: { path: string; body: any; headers: Record<string, string | string[] | undefined> }[];
  setChatReply(reply: ChatReplyFunction | string): void;
  /** The next `times` requests, whatever their path, get `status` with an OpenAI-style error body. */
  failNext(status: number, times: number): void;
  close(): Promise<void>;
}

export interface FakeOpenAiOptions {
  embeddingDimension?: number;
  /** Sent as retry-after-ms on refused requests so client back-off stays short in tests. */
  retryAfterMs?: number;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const embeddingDimension = options.embeddingDimension ?? 64;
  const retryAfterMs = options.retryAfterMs ?? 5;
  const requests: FakeOpenAi['requests'] = [];
  let chatReply: ChatReplyFunction = () => DEFAULT_CHAT_REPLY;
  let failure = { status: 0, remaining: 0 };

  const server = createServer(async (request, response) => {
    const body = await readJson(request);
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, body, headers: request.headers });
    if (failure.remaining > 0) {
      failure.remaining -= 1;
      response.setHeader('retry-after-ms', String(retryAfterMs));
      response.setHeader('retry-after', String(retryAfterMs / 1000));
      return sendJson(response, failure.status, errorBody(failure.status));
    }
    if (request.method === 'POST' && path === '/v1/embeddings') return answerEmbeddings(body, response, embeddingDimension);
    if (request.method === 'POST' && path === '/v1/chat/completions') {
      return answerChat(body as FakeChatRequest, await chatReply(body as FakeChatRequest), response);
    }
    sendJson(response, 404, { error: { message: `fake OpenAI has no ${request.method} ${path}`, type: 'invalid_request_error' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setChatReply(reply) {
      chatReply = typeof reply === 'string' ? () => reply : reply;
    },
    failNext(status, times) {
      failure = { status, remaining: times };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The vector the fake gives for `text`; exported so tests can predict similarities. */
export function fakeEmbedding(text: string, dimension: number): number[] {
  const vector = new Array<number>(dimension).fill(0);
  const characters = Array.from(text.toLowerCase().replace(/\s+/g, ' '));
  for (let position = 0; position < characters.length; position += 1) {
    const bigram = characters[position]! + (characters[position + 1] ?? '');
    let hash = 2166136261;
    for (let index = 0; index < bigram.length; index += 1) hash = Math.imul(hash ^ bigram.charCodeAt(index), 16777619);
    vector[(hash >>> 1) % dimension]! += hash & 1 ? 1 : -1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

function answerEmbeddings(body: any, response: ServerResponse, defaultDimension: number): void {
  const inputs: unknown[] = Array.isArray(body?.input) ? body.input : [body?.input];
  if (inputs.some((input) => typeof input !== 'string' || input === '')) {
    return sendJson(response, 400, errorBody(400, 'input must be a non-empty string or an array of them'));
  }
  const dimension = typeof body.dimensions === 'number' ? body.dimensions : defaultDimension;
  const data = (inputs as string[]).map((input, index) => {
    const vector = fakeEmbedding(input, dimension);
    const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const tokens = (inputs as string[]).reduce((sum, input) => sum + Math.ceil(input.length / 4), 0);
  sendJson(response, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
}

function answerChat(body: FakeChatRequest, content: string, response: ServerResponse): void {
  const id = `chatcmpl-fake-${Date.now()}`;
  const created = Math.floor(Date.now() / 1000);
  if (body.stream) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const chunk = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    response.write(chunk({ role: 'assistant', content }, null));
    response.write(chunk({}, 'stop'));
    response.end('data: [DONE]\n\n');
    return;
  }
  sendJson(response, 200, {
    id,
    object: 'chat.completion',
    created,
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: 10, completion_tokens: Math.ceil(content.length / 4), total_tokens: 10 + Math.ceil(content.length / 4) },
  });
}

function errorBody(status: number, message = `fake OpenAI refused the request with ${status}`) {
  const type = status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { error: { message, type, code: type, param: null } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
