import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Sockets kept open per host: Bolt's Web API client sends up to 100 calls at once. */
const SOCKETS_PER_HOST = 50;

const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: SOCKETS_PER_HOST }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: SOCKETS_PER_HOST }),
};

/**
 * The `fetch` Bolt's Web API client (and `respond`) is given: Slack calls are small form or
 * JSON POSTs answered with small JSON, and Node 20's built-in fetch spends several times the
 * CPU of a plain node:http request on each (web streams for the body, spec bookkeeping), once
 * per reply on deadline day. Sockets are kept alive. Anything else (a file upload's multipart
 * body, a stream) goes to the built-in fetch, as do redirects other than "error".
 */
export function keepAliveFetch(fallback: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    const body = init?.body;
    const target = typeof input === 'string' || input instanceof URL ? new URL(input) : undefined;
    if (!target || !(target.protocol in agents) || (body !== undefined && body !== null && typeof body !== 'string')) return fallback(input, init);
    const protocol = target.protocol as keyof typeof agents;
    const options: RequestOptions = {
      method: init?.method ?? 'GET',
      headers: { ...plainHeaders(init?.headers), ...(typeof body === 'string' ? { 'content-length': Buffer.byteLength(body) } : {}) },
      agent: agents[protocol],
      signal: init?.signal ?? undefined,
    };
    return new Promise<Response>((resolve, reject) => {
      const outgoing = (protocol === 'https:' ? httpsRequest : httpRequest)(target, options, (incoming) => {
        const status = incoming.statusCode ?? 0;
        if (status >= 300 && status < 400 && incoming.headers.location) {
          incoming.resume();
          if (init?.redirect === 'error') reject(new TypeError(`fetch failed: ${target.href} redirected to ${incoming.headers.location}`));
          else fallback(input, init).then(resolve, reject);
          return;
        }
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => resolve(bufferedResponse(target.href, incoming, Buffer.concat(chunks))));
      });
      outgoing.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      outgoing.end(typeof body === 'string' ? body : undefined);
    });
  };
}

function plainHeaders(headers: NonNullable<RequestInit['headers']> | undefined): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(headers instanceof Headers ? headers.entries() : headers);
  return headers as Record<string, string>;
}

/** What callers of fetch read from a response, over a body already read in full. */
function bufferedResponse(url: string, incoming: IncomingMessage, bytes: Buffer): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  const status = incoming.statusCode ?? 0;
  let bodyUsed = false;
  const take = () => {
    if (bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    bodyUsed = true;
    return bytes;
  };
  const response = {
    url,
    status,
    statusText: incoming.statusMessage ?? '',
    ok: status >= 200 && status < 300,
    redirected: false,
    type: 'basic',
    headers,
    body: null,
    get bodyUsed() {
      return bodyUsed;
    },
    text: async () => take().toString('utf8'),
    json: async () => JSON.parse(take().toString('utf8')) as unknown,
    arrayBuffer: async () => {
      const taken = take();
      return taken.buffer.slice(taken.byteOffset, taken.byteOffset + taken.byteLength);
    },
    blob: async () => new Blob([take()]),
    clone: () => bufferedResponse(url, incoming, bytes),
  };
  return response as unknown as Response;
}
