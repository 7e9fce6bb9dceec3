import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Logger } from '../observability/logger.js';

/** How many times a failed call is tried again, and how long to wait between tries (SLACK_RETRIES's shape). */
export interface PosterRetries {
  retries: number;
  factor: number;
  minTimeout: number;
  maxTimeout: number;
}

export interface WebApiPosterOptions {
  token: string;
  /** Slack's Web API base URL, ending in /api/. */
  apiUrl?: string;
  retries: PosterRetries;
  logger: Logger;
}

/** What a caller of Bolt's client catches: `code` and `data.error` as @slack/web-api sets them (slack-error.ts reads `data.error`). */
export class SlackCallError extends Error {
  constructor(message: string, readonly code: string, readonly data?: Record<string, unknown>, readonly statusCode?: number) {
    super(message);
    this.name = 'SlackCallError';
  }
}

const SOCKETS_PER_HOST = 50;
const agents = { 'http:': new HttpAgent({ keepAlive: true, maxSockets: SOCKETS_PER_HOST }), 'https:': new HttpsAgent({ keepAlive: true, maxSockets: SOCKETS_PER_HOST }) };

/**
 * The Web API calls Itda makes for every answer (chat.postMessage, chat.postEphemeral,
 * reactions.add/remove), as one JSON POST each over a kept-alive socket. @slack/web-api's
 * WebClient spends more CPU on each than the request itself: a p-queue and p-retry per call,
 * and debug strings built whether or not debug is on (JSON.stringify(redact(body)), twice per
 * call, with no option to skip them); on deadline day that is once per DM. Kept from it: a
 * 429 waits out Retry-After and pauses every call meanwhile (Slack's limits are per app),
 * network failures and other non-200s are tried again `retries` times with backoff, and
 * `ok: false` is thrown as it throws it (code slack_webapi_platform_error, data = the result).
 * Every other call still goes through Bolt's client.
 */
export class WebApiPoster {
  private readonly base: URL;
  /** Set while Slack has asked us to wait (429); every call starts after it. */
  private rateLimited?: Promise<void>;

  constructor(private readonly options: WebApiPosterOptions) {
    this.base = new URL(options.apiUrl ?? 'https://slack.com/api/');
  }

  async call(method: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const body = JSON.stringify(args);
    const { retries, factor, minTimeout, maxTimeout } = this.options.retries;
    for (let attempt = 0; ; attempt += 1) {
      await this.rateLimited;
      let failure: Error;
      try {
        const { status, headers, text } = await this.send(method, body);
        if (status === 429) {
          const waitSeconds = Number(headers['retry-after']);
          if (!Number.isFinite(waitSeconds) || waitSeconds < 0) throw new SlackCallError(`Retry header did not contain a valid timeout (${method})`, 'slack_webapi_http_error', undefined, 429);
          this.options.logger.info({ method, retryAfterSeconds: waitSeconds }, 'Slack rate limited a call; waiting as asked');
          await this.pause(waitSeconds * 1000);
          failure = new SlackCallError(`A rate limit was exceeded (${method}, retry-after: ${waitSeconds})`, 'slack_webapi_rate_limited_error', undefined, 429);
        } else if (status !== 200) {
          failure = new SlackCallError(`An HTTP protocol error occurred: statusCode = ${status}`, 'slack_webapi_http_error', undefined, status);
        } else {
          const result = JSON.parse(text) as Record<string, unknown>;
          if (result.ok !== true) throw new SlackCallError(`An API error occurred: ${String(result.error)}`, 'slack_webapi_platform_error', result);
          return result;
        }
      } catch (error) {
        if (error instanceof SlackCallError) throw error;
        failure = new SlackCallError(`A request error occurred: ${(error as Error).message}`, 'slack_webapi_request_error');
      }
      if (attempt >= retries) throw failure;
      this.options.logger.warn({ method, attempt: attempt + 1, err: failure }, 'Slack call failed; trying again');
      await delay(Math.min(maxTimeout, minTimeout * factor ** attempt));
    }
  }

  /** One rate-limit wait shared by every call made meanwhile. */
  private pause(milliseconds: number): Promise<void> {
    const until = delay(milliseconds).then(() => {
      if (this.rateLimited === until) this.rateLimited = undefined;
    });
    this.rateLimited = until;
    return until;
  }

  private send(method: string, body: string): Promise<{ status: number; headers: IncomingMessage['headers']; text: string }> {
    const target = new URL(method, this.base);
    const protocol = target.protocol === 'https:' ? 'https:' : 'http:';
    return new Promise((resolve, reject) => {
      const outgoing = (protocol === 'https:' ? httpsRequest : httpRequest)(
        target,
        {
          method: 'POST',
          agent: agents[protocol],
          headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Authorization: `Bearer ${this.options.token}` },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
