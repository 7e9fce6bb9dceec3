import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeSlackApi } from './fake-slack-api.js';

/**
 * The fake Slack Web API in a process of its own, for the load benchmark: a burst's hundreds
 * of answers are then received outside the process that measures the acks. It prints
 * `{"apiUrl", "controlUrl"}`; GET {controlUrl}/calls?method=chat.postMessage lists the calls, and
 * GET {controlUrl}/posts-per-channel?prefix=DR0 counts chat.postMessage calls per channel whose
 * id starts with the prefix: the benchmark polls that every 50 ms, and listing every call (a few
 * thousand bodies with their blocks by the last round) cost both processes more CPU than the
 * answers being counted, on the two cores Itda was being measured on.
 */
const slack = await startFakeSlackApi();
const control = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  response.setHeader('Content-Type', 'application/json');
  if (url.pathname === '/posts-per-channel') return response.end(JSON.stringify(postsPerChannel(url.searchParams.get('prefix') ?? '')));
  const method = url.searchParams.get('method');
  response.end(JSON.stringify(method ? slack.callsTo(method) : slack.calls));
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ apiUrl: slack.apiUrl, controlUrl: `http://127.0.0.1:${(control.address() as AddressInfo).port}` })}\n`);
function postsPerChannel(prefix: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of slack.calls) {
    const channel = call.method === 'chat.postMessage' ? String(call.body.channel) : '';
    if (channel && channel.startsWith(prefix)) counts[channel] = (counts[channel] ?? 0) + 1;
  }
  return counts;
}

process.on('SIGTERM', () => {
  control.close();
  void slack.close().then(() => process.exit(0));
});
