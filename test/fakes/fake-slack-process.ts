import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeSlackApi } from './fake-slack-api.js';

/**
 * The fake Slack Web API in a process of its own, for the load benchmark: a burst's hundreds
 * of answers are then received outside the process that measures the acks. It prints
 * `{"apiUrl", "controlUrl"}`; GET {controlUrl}/calls?method=chat.postMessage lists the calls.
 */
const slack = await startFakeSlackApi();
const control = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const method = url.searchParams.get('method');
  response.setHeader('Content-Type', 'application/json');
  response.end(JSON.stringify(method ? slack.callsTo(method) : slack.calls));
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
process.stdout.write(`${JSON.stringify({ apiUrl: slack.apiUrl, controlUrl: `http://127.0.0.1:${(control.address() as AddressInfo).port}` })}\n`);
process.on('SIGTERM', () => {
  control.close();
  void slack.close().then(() => process.exit(0));
});
