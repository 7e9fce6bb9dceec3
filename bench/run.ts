/**
 * `npm run bench [-- section] [--scale 100k] [--teams 1000,10000] [--rounds 3] [--tune] [--index-dir DIR]`: CPU
 * next to wall time, every figure repeated (min / median of the rounds), reloads in fresh
 * processes, needs and questions in founders' words, then every goal with its figure and ratio.
 * The default (1k and 10k teams, 3 rounds) takes a few minutes on 2 cores; `--scale 100k` adds
 * 100,000 teams (300,000 assets, the no-crash check; tens of minutes), `--tune` the HNSW table.
 * `--index-dir` keeps each scale's index and reuses it next time if its content hashes match
 * (the cold build is then reported as not measured).
 * The Slack section is `npm run bench:load`'s 500-DM bursts against the HTTP server (about 20 s);
 * `npm run bench:load` alone gives its profile and main-thread options.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { goalLines, type MeasuredGoals } from './bench-goals.js';
import { benchMatching, scaleTable, type ScaleRow } from './match-bench.js';

const { values, positionals } = parseArgs({
  options: {
    teams: { type: 'string', default: '1000,10000' },
    scale: { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string', default: '3' },
    tune: { type: 'boolean', default: false },
    'index-dir': { type: 'string' },
  },
  allowPositionals: true,
});
const rounds = Math.max(3, Number(values.rounds));
const teamCounts = [...new Set([...values.teams!.split(','), ...values.scale!.flatMap((scale) => scale.split(','))].map(teamCount))].sort((left, right) => left - right);
const rows: ScaleRow[] = [];
const goals: MeasuredGoals = {};

const benches: { name: string; run: () => Promise<string[]> }[] = [
  {
    name: 'Start-up: CLI ask round trip',
    run: async () => {
      const { lines, ratio } = await (await import('./startup-bench.js')).benchStartup(rounds);
      goals.startupRatio = ratio;
      return lines;
    },
  },
  { name: 'Question answering (offline)', run: async () => (await import('./qa-bench.js')).benchQuestionAnswering(rounds) },
  ...teamCounts.map((teams) => ({
    name: `Team matching (${teams.toLocaleString('en-US')} teams × 3 assets, offline)`,
    run: async () => {
      const { lines, row } = await benchMatching(teams, rounds, values['index-dir']);
      rows.push(row);
      return lines;
    },
  })),
  {
    name: 'Slack path: 500-DM bursts against the HTTP server',
    run: async () => (await import('./load.js')).benchLoad({ rounds, figures: (goals.slack = {}) }),
  },
  ...(values.tune ? [{ name: 'HNSW parameters on the hard set', run: async () => (await import('./hnsw-tuning.js')).tuneHnsw() }] : []),
];

const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
process.stdout.write(`# npm run bench — ${new Date().toISOString()}, ${cpus().length} cores, load average ${load()}\n`);
const only = positionals[0];
for (const bench of benches) {
  if (only && !bench.name.toLowerCase().includes(only.toLowerCase())) continue;
  process.stdout.write(`\n## ${bench.name}\n`);
  try {
    process.stdout.write(`${(await bench.run()).join('\n')}\n`);
  } catch (error) {
    process.stdout.write(`could not run: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
  process.stdout.write(`(load average ${load()})\n`);
}
if (rows.length > 0) process.stdout.write(`\n## Scale\n${scaleTable(rows).join('\n')}\n`);
process.stdout.write(`\n## Goals (issue 13; figure / goal = ratio, ≤ 1 is met)\n${goalLines(goals, rows).join('\n')}\n(load average ${load()})\n`);

/** "10000", "10k", "100k" → teams. */
function teamCount(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(k?)\s*$/i.exec(text);
  if (!match) throw new Error(`--teams/--scale takes team counts such as 1000, 10k or 100k, not "${text}"`);
  return Math.round(Number(match[1]) * (match[2] ? 1000 : 1));
}
