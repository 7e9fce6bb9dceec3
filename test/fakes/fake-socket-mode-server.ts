import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's Socket Mode end on 127.0.0.1: greets each connection with "hello", pushes envelopes
 * (events_api, slash_commands, interactive) as Slack does, records the client's acks, and can
 * ask the client to reconnect ("disconnect", reason refresh_requested). Shapes follow Slack's
 * Socket Mode docs and bolt-python's mock socket server.
 */
export interface FakeSocketModeServer {
  url: string;
  connections: number;
  acks: { envelope_id: string; payload?: unknown }[];
  send(type: 'events_api' | 'slash_commands' | 'interactive', payload: Record<string, unknown>): string;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<void>;
  waitForConnections(count: number, timeoutMs?: number): Promise<void>;
  askToReconnect(): void;
  close(): Promise<void>;
}

export async function startFakeSocketModeServer(): Promise<FakeSocketModeServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let current: WebSocket | undefined;
  let envelopes = 0;
  const fake: FakeSocketModeServer = {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link/?ticket=fake-ticket&app_id=A0ITDA`,
    connections: 0,
    acks: [],
    send(type, payload) {
      envelopes += 1;
      const envelopeId = `e${envelopes}-57d6a792-4d35-4d0b-b6aa-3361493e1caf`;
      current!.send(JSON.stringify({ envelope_id: envelopeId, payload, type, accepts_response_payload: type !== 'events_api', ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}) }));
      return envelopeId;
    },
    waitForAck: (envelopeId, timeoutMs = 10_000) => until(() => fake.acks.some((ack) => ack.envelope_id === envelopeId), `ack of ${envelopeId}`, timeoutMs),
    waitForConnections: (count, timeoutMs = 15_000) => until(() => fake.connections >= count && current?.readyState === 1, `${count} connection(s)`, timeoutMs),
    askToReconnect() {
      current?.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'applink-fake' } }));
    },
    async close() {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on('connection', (socket) => {
    current = socket;
    fake.connections += 1;
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id) fake.acks.push({ envelope_id: message.envelope_id, payload: message.payload });
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 }, connection_info: { app_id: 'A0ITDA' } }));
  });
  return fake;
}

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`fake Socket Mode server: no ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
