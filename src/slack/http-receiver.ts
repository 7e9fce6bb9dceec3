import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HTTPModuleFunctions as http, HTTPResponseAck, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../observability/logger.js';
import { boltLogger } from './bolt-logger.js';
import type { AcceptedEvent } from './durable-inbox/accept-event.js';
import type { InboxContext } from './middleware/durable-inbox.js';
import { readSignedRequest, type SignedRequest } from './signed-request.js';

export interface HealthReport {
  ok: boolean;
  [key: string]: unknown;
}

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  health: () => Promise<HealthReport>;
  /** Stores an event before it is acknowledged (durable inbox). */
  acceptEvent: (body: Record<string, unknown>) => Promise<AcceptedEvent>;
  /** False when a signed command or interaction is a replay inside the signature window. */
  firstTime: (timestamp: string, signature: string) => Promise<boolean>;
  path?: string;
}

/** Slack's own payloads are a few kilobytes; anything past this is refused with 413. */
export const BODY_LIMIT = 1_000_000;
/**
 * While requests keep arriving closer together than BURST_QUIET_MS, acknowledging them comes
 * first; under sustained traffic an event still starts within MAX_DEFER_MS of its arrival.
 */
const BURST_QUIET_MS = 5;
const MAX_DEFER_MS = 250;
/**
 * Events being answered at once; the rest wait as the bodies they arrived as. Started all at
 * once, a 500-DM burst held 500 Bolt contexts, middleware chains and pending replies for the
 * whole burst (the peak memory), only for them to wait in the engine's queue of 8 anyway.
 */
export const EVENTS_IN_WORK = 32;

/**
 * Slack's HTTP endpoint, built from Bolt's own parts but for the signature check
 * (signed-request.ts, Bolt's rules at less cost: body limit, signature, five-minute window), HTTPResponseAck (the real ack(), so a view_submission's
 * `response_action: errors` or an options list travels back in the HTTP response).
 *
 * Events are different on purpose: each is stored in the durable inbox and only then
 * acknowledged, and its work waits until a burst of requests has been acknowledged.
 */
export class SlackHttpReceiver implements Receiver {
  private app?: App;
  private server?: Server;
  private readonly path: string;
  private readonly boltLog: ReturnType<typeof boltLogger>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly waiting: (ReceiverEvent & { queuedAt: number })[] = [];
  private lastArrival = 0;
  /** Events being stored before their ack; no event's work starts while any is. */
  private accepting = 0;
  /** Events started and not finished (at most EVENTS_IN_WORK). */
  private eventsInWork = 0;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.path = options.path ?? '/slack/events';
    this.boltLog = boltLogger(options.logger);
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

  /** Stops listening and waits for the work in hand, for at most `waitMs`; true if it all finished. */
  async stop(waitMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    const server = this.server;
    if (server) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, delay(Math.min(waitMs, 1_000))]);
      server.closeAllConnections();
    }
    const deadline = performance.now() + waitMs;
    while ((this.waiting.length > 0 || this.inFlight.size > 0) && performance.now() < deadline) {
      await Promise.race([Promise.allSettled([...this.inFlight]), delay(Math.min(50, Math.max(0, deadline - performance.now())))]);
    }
    return this.waiting.length === 0 && this.inFlight.size === 0;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.lastArrival = performance.now();
    const url = (request.url ?? '').split('?')[0];
    if (request.method === 'GET' && url === '/healthz') {
      const report = await this.options.health().catch((error: unknown) => ({ ok: false, reason: String((error as Error)?.message ?? error) }));
      return send(response, report.ok ? 200 : 503, JSON.stringify(report), 'application/json');
    }
    if (request.method !== 'POST' || url !== this.path) return send(response, 404, 'not found');
    const signed = await readSignedRequest(request, this.options.signingSecret, BODY_LIMIT).catch((): SignedRequest => ({ outcome: 'unsigned' }));
    if (signed.outcome === 'too_large') return refuseTooLarge(response);
    if (signed.outcome === 'ssl_check') return http.buildSSLCheckResponse(response);
    if (signed.outcome === 'unsigned') return send(response, 401, 'invalid signature');
    let body: Record<string, unknown>;
    try {
      // Events are JSON; commands and interactions are forms, which Bolt's parser reads (a `payload` field holds the JSON).
      body = (request.headers['content-type'] === 'application/json' ? JSON.parse(signed.raw.toString('utf8')) : http.parseHTTPRequestBody(Object.assign(request, { rawBody: signed.raw }))) as Record<string, unknown>;
    } catch {
      return send(response, 400, 'malformed body');
    }
    if (!body || typeof body !== 'object') return send(response, 400, 'malformed body');
    if (body.ssl_check) return http.buildSSLCheckResponse(response);
    if (body.type === 'url_verification') return http.buildUrlVerificationResponse(response, body);
    if (body.type === 'event_callback') return this.acceptEvent(body, request, response);
    return this.dispatchWithAck(body, request, response);
  }

  private async acceptEvent(body: Record<string, unknown>, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (typeof body.event !== 'object' || body.event === null || typeof body.event_id !== 'string') return send(response, 400, 'malformed body');
    this.accepting += 1;
    const accepted = await this.options.acceptEvent(body).finally(() => (this.accepting -= 1));
    http.buildNoBodyResponse(response, 200);
    if (accepted.outcome === 'duplicate') {
      this.options.logger.info({ eventId: body.event_id }, 'duplicate event ignored');
      return;
    }
    const customProperties: InboxContext = { inboxOutcome: accepted.outcome };
    this.waiting.push({
      body,
      retryNum: http.extractRetryNumFromHTTPRequest(request),
      retryReason: http.extractRetryReasonFromHTTPRequest(request),
      ack: async () => undefined,
      customProperties: { ...customProperties },
      queuedAt: performance.now(),
    });
    if (this.waiting.length === 1) setImmediate(() => this.startNext());
  }

  /** Commands and interactions: replays inside the signature window are dropped, the rest get Bolt's ack(). */
  private async dispatchWithAck(body: Record<string, unknown>, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const timestamp = String(request.headers['x-slack-request-timestamp']);
    const signature = String(request.headers['x-slack-signature']);
    const first = await this.options.firstTime(timestamp, signature).catch(() => true);
    if (!first) {
      this.options.logger.warn({ timestamp }, 'replayed Slack request ignored');
      return http.buildNoBodyResponse(response, 200);
    }
    const ack = new HTTPResponseAck({ logger: this.boltLog, processBeforeResponse: false, httpRequest: request, httpRequestBody: body, httpResponse: response });
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      retryNum: http.extractRetryNumFromHTTPRequest(request),
      retryReason: http.extractRetryReasonFromHTTPRequest(request),
    };
    this.track(
      this.app!.processEvent(event).catch((error: unknown) => {
        this.options.logger.error({ err: error }, 'request processing failed');
        if (!response.headersSent) http.buildNoBodyResponse(response, 500);
      }),
    );
  }

  /**
   * Starts one waiting event per turn of the event loop, and none while a burst is still
   * arriving, so requests are read and acknowledged before the work of those before them.
   */
  private startNext(): void {
    const oldest = this.waiting[0];
    if (!oldest) return;
    const now = performance.now();
    if ((this.accepting > 0 || now - this.lastArrival < BURST_QUIET_MS) && now - oldest.queuedAt < MAX_DEFER_MS) {
      setTimeout(() => this.startNext(), BURST_QUIET_MS);
      return;
    }
    // Full: the next event starts when one in work finishes (track() calls back).
    if (this.eventsInWork >= EVENTS_IN_WORK) return;
    const { queuedAt: _queuedAt, ...event } = this.waiting.shift()!;
    this.eventsInWork += 1;
    const work = this.app!.processEvent(event).catch((error: unknown) => this.options.logger.error({ err: error }, 'event processing failed'));
    this.track(work.finally(() => {
      this.eventsInWork -= 1;
      if (this.eventsInWork === EVENTS_IN_WORK - 1 && this.waiting.length > 0) setImmediate(() => this.startNext());
    }));
    if (this.waiting.length > 0) setImmediate(() => this.startNext());
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }
}

function send(response: ServerResponse, status: number, body: string, contentType = 'text/plain'): void {
  response.writeHead(status, { 'Content-Type': contentType });
  response.end(body);
}

/** Answers 413 once the body has been read away (readSignedRequest), so the client sees the status, not a reset. */
function refuseTooLarge(response: ServerResponse): void {
  response.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' });
  response.end('request too large: Slack payloads are under 1 MB');
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds).unref());
}
