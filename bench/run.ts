/**
 * `npm run bench [-- section] [--teams 1000,10000] [--rounds 3] [--tune]`: CPU next to wall
 * time, every figure repeated (min / median of the rounds), reloads in fresh processes, needs
 * and questions in founders' words. Defaults stay within a few minutes on 2 cores; add
 * `--teams 1000,10000,100000` for the scale table (100k teams takes tens of minutes).
 * The load run against the HTTP server is separate: `npm run bench:load`.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { benchMatching, scaleTable, type ScaleRow } from './match-bench.js';

const { values, positionals } = parseArgs({
  options: { teams: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '3' }, tune: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const rounds = Math.max(3, Number(values.rounds));
const teamCounts = values.teams!.split(',').map(Number);
const rows: ScaleRow[] = [];

const benches: { name: string; run: () => Promise<string[]> }[] = [
  { name: 'Start-up: CLI ask round trip', run: async () => (await import('./startup-bench.js')).benchStartup(rounds) },
  { name: 'Question answering (offline)', run: async () => (await import('./qa-bench.js')).benchQuestionAnswering(rounds) },
  ...teamCounts.map((teams) => ({
    name: `Team matching (${teams.toLocaleString('en-US')} teams × 3 assets, offline)`,
    run: async () => {
      const { lines, row } = await benchMatching(teams, rounds);
      rows.push(row);
      return lines;
    },
  })),
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
