import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';

/**
 * `npm run bench:load -- --cpu-prof`: a V8 CPU profile of the Itda process over the measured
 * rounds only. Node's own --cpu-prof covers the whole life of the process, so start-up (index
 * load, YAML, module compile) and the warm-up drowned the burst; here the child is started with
 * its inspector on a free loopback port and the bench starts and stops the profiler around the
 * rounds through the DevTools protocol.
 */
export interface RoundsProfiler {
  start(): Promise<void>;
  /** Stops the profiler and writes the profile; the file's path. */
  stop(directory: string): Promise<string>;
  close(): void;
}

/** The flag that opens the child's inspector on a port the OS picks (printed on its stderr). */
export const INSPECT_FLAG = '--inspect=127.0.0.1:0';

export async function connectProfiler(stderr: string[], timeoutMs = 10_000): Promise<RoundsProfiler> {
  const deadline = Date.now() + timeoutMs;
  let url: string | undefined;
  while (!url && Date.now() < deadline) {
    url = stderr.map((line) => /Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1]).find(Boolean);
    if (!url) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!url) throw new Error('the Itda process did not print its inspector address');
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call('Profiler.enable');
  // 1 ms between samples, as --cpu-prof samples.
  await call('Profiler.setSamplingInterval', { interval: 1000 });
  return {
    start: async () => void (await call('Profiler.start')),
    stop: async (directory) => {
      const { profile } = (await call('Profiler.stop')) as { profile: unknown };
      const path = join(directory, `itda-load-rounds-${Date.now()}.cpuprofile`);
      await writeFile(path, JSON.stringify(profile));
      return path;
    },
    close: () => socket.close(),
  };
}
