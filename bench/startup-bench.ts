import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, range } from './match-bench.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUESTION = '돈은 최대 얼마까지 나와요?';
/** Node's own hooks: reports every @slack/* module a process loads, to check terminal mode never loads Bolt. */
const SLACK_WATCH = `data:text/javascript,${encodeURIComponent(
  "import { register } from 'node:module'; register('data:text/javascript,' + encodeURIComponent('export async function resolve(s, c, n) { const r = await n(s, c); if (r.url.includes(\"/@slack/\")) process.stderr.write(\"SLACK-LOADED \" + r.url + \"\\\\n\"); return r; }'));",
)}`;

/**
 * The CLI `ask` round trip next to `node -e 0`, in CPU (user + system of the process and its
 * children, from bash's `times`) and wall time, min / median of `rounds` after one warm-up
 * (which builds the knowledge index and caches). Goal: ≤ 12× `node -e 0`.
 */
export async function benchStartup(rounds: number): Promise<{ lines: string[]; ratio?: number }> {
  const directory = mkdtempSync(join(tmpdir(), 'itda-startup-bench-'));
  try {
    const environment = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATABASE_PATH: join(directory, 'itda.db'),
      INDEX_DIR: join(directory, 'index'),
      ITDA_NOW: '2026-11-28',
      LOG_LEVEL: 'silent',
    };
    const built = spawnSync(process.execPath, [join(ROOT, 'src', 'prebuilt-runtime.mjs')], { stdio: 'inherit' });
    if (built.status !== 0) return { lines: ['could not build dist/'] };
    const quoted = `'${QUESTION}'`;
    const commands: [string, string][] = [
      ['node -e 0', 'node -e 0'],
      ['prebuilt: node dist/cli/main.js ask --json', `node dist/cli/main.js ask --json ${quoted}`],
      ['README: npm run --silent cli -- ask --json', `npm run --silent cli -- ask --json ${quoted}`],
      ['before (tsx hooks): node --import tsx src/cli/main.ts ask --json', `node --import tsx src/cli/main.ts ask --json ${quoted}`],
    ];
    const figures = commands.map(([label, command]) => {
      measure(command, environment);
      const samples = Array.from({ length: rounds }, () => measure(command, environment));
      return { label, cpu: samples.map((sample) => sample.cpuMs), wall: samples.map((sample) => sample.wallMs) };
    });
    const base = median(figures[0]!.cpu);
    const lines = figures.map(
      ({ label, cpu, wall }) => `${label}: CPU ${range(cpu)} ms (${(median(cpu) / base).toFixed(1)}× node -e 0), wall ${range(wall)} ms`,
    );
    const prebuilt = median(figures[1]!.cpu) / base;
    lines.push(`goal: prebuilt ask ≤ 12× node -e 0 CPU → ${prebuilt.toFixed(1)}× ${prebuilt <= 12 ? 'MET' : 'MISSED'} (through npm: ${(median(figures[2]!.cpu) / base).toFixed(1)}×)`);
    const watched = spawnSync(process.execPath, ['--import', SLACK_WATCH, 'dist/cli/main.js', 'ask', '--json', QUESTION], { cwd: ROOT, env: environment, encoding: 'utf8' });
    const slackModules = (watched.stderr.match(/SLACK-LOADED/g) ?? []).length;
    lines.push(`@slack/* modules loaded by a terminal-mode ask: ${slackModules}${watched.status === 0 ? '' : ` (the check itself failed: exit ${watched.status})`}`);
    return { lines, ratio: prebuilt };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function measure(command: string, environment: Record<string, string>): { cpuMs: number; wallMs: number } {
  const started = performance.now();
  const result = spawnSync('bash', ['-c', `${command} > /dev/null 2>&1; times`], { cwd: ROOT, env: environment, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  // `times` prints the shell's own user/system time, then its children's.
  const children = result.stdout.trim().split('\n').at(-1) ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((match) => Number(match[1]) * 60 + Number(match[2]));
  return { cpuMs: (seconds[0]! + seconds[1]!) * 1000, wallMs };
}
