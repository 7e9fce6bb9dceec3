/**
 * `npm run bench`: speed and memory, measured in process (not in timed tests).
 * The load run against the HTTP server is separate: `npm run bench:load`.
 */
const benches: { name: string; load: () => Promise<() => Promise<string[]>> }[] = [
  { name: 'Question answering (offline)', load: async () => (await import('./qa-bench.js')).benchQuestionAnswering },
  { name: 'Team matching (10,000 teams × 3 assets, offline)', load: async () => (await import('./match-bench.js')).benchMatching },
];

const only = process.argv[2];
for (const bench of benches) {
  if (only && !bench.name.toLowerCase().includes(only.toLowerCase())) continue;
  process.stdout.write(`\n## ${bench.name}\n`);
  try {
    const run = await bench.load();
    process.stdout.write(`${(await run()).join('\n')}\n`);
  } catch (error) {
    process.stdout.write(`could not run: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
