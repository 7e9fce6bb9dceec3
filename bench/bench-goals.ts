import type { LoadFigures } from './load.js';
import type { ScaleRow } from './match-bench.js';

export interface MeasuredGoals {
  /** Median CPU of the prebuilt CLI `ask` over median CPU of `node -e 0`. */
  startupRatio?: number;
  /** Medians of the Slack section's bursts. */
  slack?: LoadFigures;
}

/**
 * Every goal of issue 13 this bench measures, with its figure, the goal and figure / goal
 * (≤ 1 met). A goal whose scale was not run says so rather than disappearing. The Slack path
 * goals (item 3) come from the Slack section's bursts (bench/load.ts).
 */
export function goalLines(goals: MeasuredGoals, rows: ScaleRow[]): string[] {
  const at = (teams: number) => rows.find((row) => row.teams === teams);
  const ten = at(10_000);
  const hundred = at(100_000);
  const crashCheck = rows.find((row) => row.assets >= 300_000);
  const lines: string[] = [];
  const goal = (name: string, figure: number | undefined, limit: number, unit: string, missing: string) => {
    if (figure === undefined || !Number.isFinite(figure)) return lines.push(`- ${name}: not measured (${missing})`);
    const ratio = figure / limit;
    lines.push(`- ${name}: ${format(figure)} ${unit} / ${format(limit)} ${unit} = ${ratio.toFixed(3)} → ${ratio <= 1 ? 'MET' : 'NOT MET'}`);
  };
  goal('CLI ask round trip ≤ 12× node -e 0 (CPU)', goals.startupRatio, 12, '×', 'run the start-up section');
  goal('reload at 10k teams ≤ 1.5 s CPU (fresh process, median)', ten && ten.reloadCpuMs / 1000, 1.5, 's', 'needs 10,000 teams');
  goal('reload peak RSS at 10k teams ≤ baseline + 2.5 × vector bytes', ten?.rssOverVectors, 2.5, '× vector bytes', 'needs 10,000 teams');
  goal('filtered query at 10k teams ≤ 5 ms CPU (median)', ten?.filteredCpuMs, 5, 'ms', 'needs 10,000 teams');
  goal('unfiltered query at 10k teams ≤ 5 ms CPU (median)', ten?.queryCpuMs, 5, 'ms', 'needs 10,000 teams');
  goal('query at 100k teams ≤ 20 ms CPU (median of filtered and unfiltered, the worse)', hundred && Math.max(hundred.queryCpuMs, hundred.filteredCpuMs), 20, 'ms', 'add --scale 100k');
  lines.push(
    crashCheck
      ? `- no crash at 300k assets: ${crashCheck.assets.toLocaleString('en-US')} assets ${Number.isNaN(crashCheck.coldCpuS) ? 'reloaded and queried (the index was built by an earlier run, --index-dir)' : 'built, reloaded and queried'} → MET`
      : '- no crash at 300k assets: not measured (add --scale 100k: 100,000 teams are 300,000 assets)',
  );
  for (const row of rows) lines.push(`- recall of the whole ranking against exact search at ${row.teams.toLocaleString('en-US')} teams: ${row.rankingRecall.toFixed(3)} (no set goal; shown so a faster index cannot hide worse answers)`);
  const slack = goals.slack;
  const burstOf500 = slack?.events === 500 ? slack.burstSeconds : undefined;
  goal('Slack path: CPU per DM ≤ 2.5 ms (Itda process, all threads, median of the bursts)', slack?.cpuPerDmMs, 2.5, 'ms', 'run the Slack section');
  goal('Slack path: 500-DM burst answered ≤ 1.5 s (wall, median)', burstOf500, 1.5, 's', 'run the Slack section');
  goal('Slack path: ack p95 < 100 ms during the burst (median of the rounds)', slack?.ackP95Ms, 100, 'ms', 'run the Slack section');
  return lines;
}

function format(value: number): string {
  return value < 10 ? value.toFixed(3) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}
