/**
 * One phase of the matching bench in its own process, so each figure starts from a clean heap:
 *   build <teams> <dir>            cold build (profile + embed + HNSW + lexical + save)
 *   reload <teams> <dir> [queries] fresh-process reload; with "queries", per-query CPU, recall of
 *                                  the whole ranking against exact search, and the side-by-side
 * Prints one JSON line. CPU is process.cpuUsage (user + system, all threads).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGlossary } from '../src/knowledge/glossary.js';
import { TeamRanker, type RankOptions } from '../src/matching/team-ranker.js';
import { LocalHashingEmbeddings } from '../src/retrieval/local-hashing-embeddings.js';
import { generatedCatalog } from './match-bench.js';
import { compareVectorSearches } from './vector-search-comparison.js';
import { PARAPHRASED_NEEDS } from './paraphrased-needs.js';
import { founderWarmUpNeeds, warmUpNeeds } from './warm-up-needs.js';

const [mode, teamsArgument, cacheDir, extra] = process.argv.slice(2);
const teams = Number(teamsArgument);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const glossary = loadGlossary(fileURLToPath(new URL('../knowledge/glossary.yaml', import.meta.url)));
const catalog = generatedCatalog(teams);
const embeddings = new LocalHashingEmbeddings();
globalThis.gc?.();
const baselineMb = megabytes(process.memoryUsage().rss);

const cpu = process.cpuUsage();
const wall = performance.now();
const ranker = await TeamRanker.build(catalog, { embeddings, glossary, cacheDir, currentYear: 2026 });
const result: Record<string, unknown> = {
  mode,
  assets: ranker.assetCount,
  vectorMb: (ranker.assetCount * embeddings.dimension * 4) / 1024 / 1024,
  cpuMs: cpuMilliseconds(cpu),
  wallMs: performance.now() - wall,
  baselineMb,
  peakMb: process.resourceUsage().maxRSS / 1024,
  stats: { embedded: ranker.stats.embedded, graph: ranker.stats.graph, lexical: ranker.stats.lexical, warnings: ranker.stats.warnings.length },
};

if (extra === 'queries') {
  const needs = PARAPHRASED_NEEDS;
  // The first pass is reported apart: right after a reload V8 is still compiling the query path
  // on a background thread, a cost a running server pays once, not per query.
  const firstPassThreads = threadCpu();
  const firstPass = await timeNeeds(ranker, needs);
  const firstPassShare = otherThreadsShare(firstPassThreads);
  const warmUp = [...warmUpNeeds(120), ...founderWarmUpNeeds(2)];
  for (const { need, options } of warmUp) await ranker.rankTeams(need, options);
  const rounds: NeedTimes[] = [];
  const roundThreads = threadCpu();
  for (let round = 0; round < ROUNDS; round += 1) rounds.push(await timeNeeds(ranker, needs));
  result.queryCpuMs = {
    plain: rounds.map((round) => median(round.plain)),
    filtered: rounds.map((round) => median(round.filtered)),
    filteredP95: rounds.map((round) => percentile(round.filtered, 0.95)),
    plainWall: rounds.map((round) => median(round.plainWall)),
    filteredWall: rounds.map((round) => median(round.filteredWall)),
    ...(rounds[0]!.plainJs.length > 0 && {
      plainJs: rounds.map((round) => median(round.plainJs)),
      filteredJs: rounds.map((round) => median(round.filteredJs)),
    }),
    otherThreadsShare: otherThreadsShare(roundThreads),
    warmUp: warmUp.length,
    firstPass: {
      plain: median(firstPass.plain),
      filtered: median(firstPass.filtered),
      plainWall: median(firstPass.plainWall),
      filteredWall: median(firstPass.filteredWall),
      otherThreadsShare: firstPassShare,
    },
  };
  result.rankingRecall = await rankingRecall(ranker, needs);
  result.comparison = await compareVectorSearches(ranker, needs.map(({ need }) => need), cacheDir!, ROUNDS);
}
process.stdout.write(`${JSON.stringify(result)}\n`);

interface NeedTimes {
  plain: number[];
  filtered: number[];
  plainWall: number[];
  filteredWall: number[];
  /** CPU of the JavaScript thread alone per need (empty where Linux's schedstat is not readable). */
  plainJs: number[];
  filteredJs: number[];
}

/** CPU (all threads, and the JavaScript thread alone) and wall time of each need, split by whether it carries filters. */
async function timeNeeds(teamRanker: TeamRanker, needs: { need: string; options: RankOptions }[]): Promise<NeedTimes> {
  const figures: NeedTimes = { plain: [], filtered: [], plainWall: [], filteredWall: [], plainJs: [], filteredJs: [] };
  for (const { need, options } of needs) {
    // The other threads' figure is read outside the all-thread window, so that window holds the query alone.
    const othersStarted = otherThreadsNanoseconds();
    const started = process.cpuUsage();
    const began = performance.now();
    await teamRanker.rankTeams(need, { ...options, top: 5 });
    const wallMs = performance.now() - began;
    const cpuMs = cpuMilliseconds(started);
    const othersEnded = otherThreadsNanoseconds();
    const isFiltered = Object.keys(options).length > 0;
    (isFiltered ? figures.filtered : figures.plain).push(cpuMs);
    (isFiltered ? figures.filteredWall : figures.plainWall).push(wallMs);
    if (othersStarted !== undefined && othersEnded !== undefined) (isFiltered ? figures.filteredJs : figures.plainJs).push(Math.max(0, cpuMs - (othersEnded - othersStarted) / 1e6));
  }
  return figures;
}

/**
 * CPU time of every thread but the JavaScript one in nanoseconds, from each /proc/self/task/<thread>/schedstat
 * (Linux; the stat files count in 10 ms ticks, too coarse for one query); undefined elsewhere.
 * A query's JavaScript-thread CPU is its all-thread CPU less these. The JavaScript thread's own
 * schedstat is no use while it runs: Linux brings a running thread's figure up to date only at a
 * tick or a switch, so on a quiet machine it moved in whole 4 ms steps.
 */
function otherThreadsNanoseconds(): number | undefined {
  try {
    let total = 0;
    for (const thread of readdirSync('/proc/self/task')) {
      if (thread === String(process.pid)) continue;
      total += Number(readFileSync(`/proc/self/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
    }
    return total;
  } catch {
    return undefined;
  }
}

/** CPU ticks of the JavaScript thread and of all the others, from /proc (Linux); undefined elsewhere. */
function threadCpu(): { main: number; others: number } | undefined {
  try {
    let main = 0;
    let others = 0;
    for (const thread of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      if (thread === String(process.pid)) main += ticks;
      else others += ticks;
    }
    return { main, others };
  } catch {
    return undefined;
  }
}

function otherThreadsShare(since: { main: number; others: number } | undefined): number | undefined {
  const now = threadCpu();
  if (!since || !now) return undefined;
  const main = now.main - since.main;
  const others = now.others - since.others;
  return main + others > 0 ? others / (main + others) : undefined;
}

/** Share of the exact ranking's top-5 teams that the shipped ranking also returns. */
async function rankingRecall(teamRanker: TeamRanker, needs: { need: string; options: RankOptions }[]): Promise<number> {
  let found = 0;
  let wanted = 0;
  for (const { need, options } of needs) {
    const exact = await teamRanker.rankTeams(need, { ...options, top: 5, exact: true });
    const shipped = new Set((await teamRanker.rankTeams(need, { ...options, top: 5 })).map((match) => match.teamId));
    wanted += exact.length;
    found += exact.filter((match) => shipped.has(match.teamId)).length;
  }
  return wanted === 0 ? 1 : found / wanted;
}

function cpuMilliseconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

function megabytes(bytes: number): number {
  return bytes / 1024 / 1024;
}

export function median(values: number[]): number {
  return percentile(values, 0.5);
}

export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
}
