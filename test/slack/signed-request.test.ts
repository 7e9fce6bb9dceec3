import { createHmac } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSignedRequest, type SignedRequest } from '../../src/slack/signed-request.js';

const SECRET = 'signed-request-secret';

/** What the HTTP receiver makes of a request before anything else: Slack's signature rules, as Bolt applies them. */
describe('readSignedRequest', () => {
  let server: Server;
  let url = '';
  let last: SignedRequest | undefined;
  beforeAll(async () => {
    server = createServer(async (incoming, response) => {
      last = await readSignedRequest(incoming, SECRET, 1_000);
      response.end(last.outcome);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sign = (body: string, timestamp: number, secret = SECRET) => `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const post = (body: string, headers: Record<string, string>) =>
    new Promise<string>((resolve, reject) => {
      const outgoing = request(url, { method: 'POST', headers: { 'Content-Length': Buffer.byteLength(body), ...headers } }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(text));
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  const now = () => Math.floor(Date.now() / 1000);

  it('a DM event signed by Slack just now → verified, the bytes as sent (Korean and all)', async () => {
    const body = JSON.stringify({ type: 'event_callback', event: { text: '지원금은 얼마인가요?' } });
    expect(await post(body, { 'Content-Type': 'application/json', 'X-Slack-Request-Timestamp': String(now()), 'X-Slack-Signature': sign(body, now()) })).toBe('verified');
    expect(last?.outcome === 'verified' && last.raw.toString('utf8')).toBe(body);
  });

  it('the same body changed after signing, signed with another secret, stale, or v1 → refused', async () => {
    const body = '{"type":"event_callback"}';
    const headers = (signature: string, timestamp = now()) => ({ 'Content-Type': 'application/json', 'X-Slack-Request-Timestamp': String(timestamp), 'X-Slack-Signature': signature });
    expect(await post(body.replace('event', 'evil'), headers(sign(body, now())))).toBe('unsigned');
    expect(await post(body, headers(sign(body, now(), 'another-secret')))).toBe('unsigned');
    expect(await post(body, headers(sign(body, now() - 6 * 60), now() - 6 * 60))).toBe('unsigned');
    expect(await post(body, headers(sign(body, now()).replace('v0=', 'v1=')))).toBe('unsigned');
    expect(await post(body, { 'Content-Type': 'application/json' })).toBe('unsigned');
  });

  it('Slack’s unsigned SSL check → ssl_check, and nothing smuggled beside it is kept', async () => {
    expect(await post('ssl_check=1&token=legacy', { 'Content-Type': 'application/x-www-form-urlencoded' })).toBe('ssl_check');
    expect(await post(`ssl_check=1&payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'forget_confirm' }], pad: 'x'.repeat(80) }))}`, { 'Content-Type': 'application/x-www-form-urlencoded' })).toBe('ssl_check');
    expect(last).toEqual({ outcome: 'ssl_check' });
  });

  it('a body over the limit → too_large, read away so the client hears it', async () => {
    expect(await post('x'.repeat(5_000), { 'Content-Type': 'application/json' })).toBe('too_large');
  });
});
