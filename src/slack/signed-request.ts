import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** Slack signs a request for five minutes; older ones are refused even with a good signature. */
const SIGNATURE_WINDOW_SECONDS = 5 * 60;

export type SignedRequest =
  | { outcome: 'verified'; raw: Buffer }
  /** Slack's SSL check (form body `ssl_check=1`) is not signed; nothing else of its body is kept. */
  | { outcome: 'ssl_check' }
  | { outcome: 'too_large' }
  | { outcome: 'unsigned' };

/**
 * Reads a request's body and checks Slack's signature, the rules of Bolt's
 * parseAndVerifyHTTPRequest (v0 HMAC-SHA256 of `v0:timestamp:body`, five-minute window, a body
 * limit, the unsigned ssl_check), with two differences that matter once per request on deadline
 * day: the HMAC is computed over the bytes as they came (Bolt turns the body into a string for
 * it, and again to parse it) and compared with crypto.timingSafeEqual (Bolt's tsscmp computes
 * two more HMACs to compare two).
 */
export async function readSignedRequest(request: IncomingMessage, signingSecret: string, bodyLimit: number, nowMs = Date.now()): Promise<SignedRequest> {
  const declared = Number(request.headers['content-length']);
  if (declared > bodyLimit) {
    request.resume();
    return { outcome: 'too_large' };
  }
  const raw = await readBody(request, bodyLimit);
  if (!raw) return { outcome: 'too_large' };
  if (request.headers['content-type'] === 'application/x-www-form-urlencoded' && parseQuery(raw.toString('utf8')).ssl_check === '1') return { outcome: 'ssl_check' };
  const timestamp = header(request, 'x-slack-request-timestamp');
  const signature = header(request, 'x-slack-signature');
  if (!timestamp || !signature || !/^\d+$/.test(timestamp) || Number(timestamp) < Math.floor(nowMs / 1000) - SIGNATURE_WINDOW_SECONDS) return { outcome: 'unsigned' };
  if (!signature.startsWith('v0=')) return { outcome: 'unsigned' };
  const expected = createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(raw).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { outcome: 'verified', raw } : { outcome: 'unsigned' };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The body, or undefined once it passes the limit (the rest is read away, so the client hears the 413). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size <= limit ? (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)) : undefined));
    request.on('error', reject);
  });
}
