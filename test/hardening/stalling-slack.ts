import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../fakes/fake-slack-api.js';

export interface StallingSlack {
  /** SLACK_API_URL for Itda: calls go through here to the fake Slack behind. */
  apiUrl: string;
  /** From now on, calls to these Web API methods never get an answer (Slack hanging). */
  stall(...methods: string[]): void;
  /** Answers them again. */
  resume(): void;
  /** Calls that were left hanging, by method. */
  stalled: string[];
  close(): Promise<void>;
}

/**
 * A bad day at Slack: a proxy in front of the fake Web API that leaves chosen methods hanging
 * (no answer, no error), while every other call goes through to the fake and is recorded there.
 */
export async function startStallingSlack(behind: string): Promise<StallingSlack> {
  const stalling = new Set<string>();
  const stalled: string[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    if (stalling.has(method)) {
      stalled.push(method);
      hanging.add(response);
      return;
    }
    const forwarded = await fetch(`${behind}${method}`, { method: 'POST', headers: { 'Content-Type': String(request.headers['content-type'] ?? 'application/json') }, body });
    response.writeHead(forwarded.status, { 'Content-Type': 'application/json', ...(forwarded.headers.get('retry-after') ? { 'Retry-After': forwarded.headers.get('retry-after')! } : {}) });
    response.end(await forwarded.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    stall: (...methods) => methods.forEach((method) => stalling.add(method)),
    resume: () => stalling.clear(),
    stalled,
    close: () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
