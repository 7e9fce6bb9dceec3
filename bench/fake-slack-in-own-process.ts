import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RemoteFakeSlack {
  apiUrl: string;
  callsTo(method: string): Promise<{ method: string; body: Record<string, unknown> }[]>;
  /** chat.postMessage calls per channel, for the channels whose id starts with `prefix`. */
  postsPerChannel(prefix: string): Promise<Map<string, number>>;
  close(): Promise<void>;
}

/** Starts test/fakes/fake-slack-process.ts and reads its recorded calls over loopback. */
export async function startFakeSlackInOwnProcess(): Promise<RemoteFakeSlack> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fakes/fake-slack-process.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`fake Slack process exited (${code})`)));
  });
  const { apiUrl, controlUrl } = JSON.parse(firstLine) as { apiUrl: string; controlUrl: string };
  return {
    apiUrl,
    async callsTo(method) {
      const response = await fetch(`${controlUrl}/calls?method=${encodeURIComponent(method)}`);
      return (await response.json()) as { method: string; body: Record<string, unknown> }[];
    },
    async postsPerChannel(prefix) {
      const response = await fetch(`${controlUrl}/posts-per-channel?prefix=${encodeURIComponent(prefix)}`);
      return new Map(Object.entries((await response.json()) as Record<string, number>));
    },
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
