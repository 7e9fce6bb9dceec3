import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../observability/logger.js';

export interface FastAckReceiverOptions {
  signingSecret: string;
  logger: Logger;
  health: () => Promise<{ ok: boolean; [key: string]: unknown }>;
  path?: string;
}

const FIVE_MINUTES_S = 300;
const BODY_LIMIT = 1_000_000;
/**
 * While requests keep arriving closer together than BURST_QUIET_MS, acknowledging them comes
 * first; under sustained traffic an event still starts within MAX_DEFER_MS of its arrival.
 */
const BURST_QUIET_MS = 5;
const MAX_DEFER_MS = 250;

/**
 * Slack's HTTP endpoint, acknowledging each request as soon as its signature is verified and
 * before Bolt does any work with it. Itda never answers inside the ack (replies go through the
 * Web API and response_url), so nothing is lost, and during a burst of hundreds of events the
 * acks are not queued behind the processing of the events that came before them.
 */
export class FastAckReceiver implements Receiver {
  private app?: App;
  private server?: Server;
  private readonly path: string;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly waiting: (ReceiverEvent & { queuedAt: number })[] = [];
  private lastArrival = 0;

  constructor(private readonly options: FastAckReceiverOptions) {
    this.path = options.path ?? '/slack/events';
  }

  init(app: App): void {
    this.app = app;
  }

  /** Takes what App.start passes on: `{ port, host }` (or a bare port). */
  start(listen: number | { port: number; host?: string }): Promise<Server> {
    const { port, host } = typeof listen === 'number' ? { port: listen, host: undefined } : listen;
    const server = createServer((request, response) => void this.handle(request, response));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    while (this.waiting.length > 0 || this.inFlight.size > 0) await Promise.allSettled([...this.inFlight, new Promise((resolve) => setImmediate(resolve))]);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.lastArrival = performance.now();
    const url = (request.url ?? '').split('?')[0];
    if (request.method === 'GET' && url === '/healthz') {
      const report = await this.options.health().catch(() => ({ ok: false }));
      return send(response, report.ok ? 200 : 503, JSON.stringify(report), 'application/json');
    }
    if (request.method !== 'POST' || url !== this.path) return send(response, 404, 'not found');
    const raw = await readBody(request).catch(() => undefined);
    if (raw === undefined) return send(response, 413, 'request too large');
    if (!this.isSignedBySlack(request, raw)) return send(response, 401, 'invalid signature');
    const body = parseBody(raw, String(request.headers['content-type'] ?? ''));
    if (!body || (body.type === 'event_callback' && (typeof body.event !== 'object' || body.event === null))) {
      return send(response, 400, 'malformed body');
    }
    if (body.type === 'url_verification') return send(response, 200, JSON.stringify({ challenge: body.challenge }), 'application/json');
    if (body.ssl_check) return send(response, 200, '');
    send(response, 200, '');
    const retryNum = Number(request.headers['x-slack-retry-num']) || undefined;
    const retryReason = request.headers['x-slack-retry-reason'] as string | undefined;
    this.waiting.push({ body, retryNum, retryReason, ack: async () => undefined, queuedAt: performance.now() });
    if (this.waiting.length === 1) setImmediate(() => this.startNext());
  }

  /**
   * Starts one waiting event per turn of the event loop, and none while a burst is still
   * arriving, so requests are read and acknowledged before the work of those before them.
   */
  private startNext(): void {
    const oldest = this.waiting[0];
    if (!oldest) return;
    const now = performance.now();
    if (now - this.lastArrival < BURST_QUIET_MS && now - oldest.queuedAt < MAX_DEFER_MS) {
      setTimeout(() => this.startNext(), BURST_QUIET_MS);
      return;
    }
    const { queuedAt: _queuedAt, ...event } = this.waiting.shift()!;
    const processing = this.app!.processEvent(event).catch((error: unknown) => this.options.logger.error({ err: error }, 'event processing failed'));
    this.inFlight.add(processing);
    void processing.finally(() => this.inFlight.delete(processing));
    if (this.waiting.length > 0) setImmediate(() => this.startNext());
  }

  private isSignedBySlack(request: IncomingMessage, raw: string): boolean {
    const timestamp = Number(request.headers['x-slack-request-timestamp']);
    const signature = String(request.headers['x-slack-signature'] ?? '');
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > FIVE_MINUTES_S) return false;
    const expected = `v0=${createHmac('sha256', this.options.signingSecret).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
    return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  }
}

function send(response: ServerResponse, status: number, body: string, contentType = 'text/plain'): void {
  response.writeHead(status, { 'Content-Type': contentType });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error('too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Events are JSON; slash commands are form fields; interactions are a form field holding JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> | undefined {
  try {
    if (contentType.includes('application/json')) {
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
    }
    const form = new URLSearchParams(raw);
    const payload = form.get('payload');
    return payload ? (JSON.parse(payload) as Record<string, unknown>) : Object.fromEntries(form);
  } catch {
    return undefined;
  }
}
