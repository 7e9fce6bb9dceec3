import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepAliveFetch } from '../../src/slack/keep-alive-fetch.js';

/** The fetch the Web API client gets: what a caller reads back is what the built-in fetch would give. */
describe('keepAliveFetch', () => {
  let server: Server;
  let base = '';
  const seen: { method?: string; headers: Record<string, unknown>; body: string; socket: unknown }[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({ method: request.method, headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), socket: request.socket });
        if (request.url === '/moved') {
          response.writeHead(302, { Location: '/api/chat.postMessage' });
          return response.end();
        }
        if (request.url === '/down') {
          response.writeHead(503, { 'Content-Type': 'text/plain' });
          return response.end('slack is down');
        }
        response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': '3' });
        response.end(JSON.stringify({ ok: true, echoed: Buffer.concat(chunks).toString('utf8'), text: '지원금' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));

  it('a form POST as the Web API client sends it: status, headers and a UTF-8 JSON body, on one kept-alive socket', async () => {
    const fetch = keepAliveFetch();
    const body = 'channel=D0FOUNDER&text=%EC%A7%80%EC%9B%90%EA%B8%88';
    const first = await fetch(`${base}/api/chat.postMessage`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body, redirect: 'error' });
    expect(first.status).toBe(200);
    expect(first.ok).toBe(true);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.url).toBe(`${base}/api/chat.postMessage`);
    expect(JSON.parse(await first.text())).toEqual({ ok: true, echoed: body, text: '지원금' });
    await expect(first.text()).rejects.toThrow(/already been read/);
    const second = await fetch(new URL(`${base}/api/reactions.add`), { method: 'POST', headers: new Headers({ 'Content-Type': 'application/json' }), body: '{}' });
    expect(await second.json()).toMatchObject({ ok: true, echoed: '{}' });
    const [a, b] = seen.slice(-2);
    expect(a!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(a!.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(b!.headers['content-type']).toBe('application/json');
    expect(b!.socket).toBe(a!.socket);
  });

  it('a non-200 comes back as a response to read, as with fetch', async () => {
    const response = await keepAliveFetch()(`${base}/down`, { method: 'POST', body: '' });
    expect(response.status).toBe(503);
    expect(response.ok).toBe(false);
    expect(await response.text()).toBe('slack is down');
  });

  it('redirect: "error" refuses a redirect; otherwise it is followed (by the built-in fetch)', async () => {
    await expect(keepAliveFetch()(`${base}/moved`, { method: 'POST', body: 'x', redirect: 'error' })).rejects.toThrow(TypeError);
    const followed = await keepAliveFetch()(`${base}/moved`, { method: 'GET' });
    expect(await followed.json()).toMatchObject({ ok: true });
  });

  it('a body that is not text (a file upload) and a refused connection behave as with the built-in fetch', async () => {
    const form = new FormData();
    form.append('file', new Blob(['plan']), 'plan.docx');
    const uploaded = await keepAliveFetch()(`${base}/upload`, { method: 'POST', body: form });
    expect(String(seen.at(-1)!.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(uploaded.status).toBe(200);
    await expect(keepAliveFetch()('http://127.0.0.1:1/api/chat.postMessage', { method: 'POST', body: 'x' })).rejects.toThrow(/fetch failed/);
  });
});
