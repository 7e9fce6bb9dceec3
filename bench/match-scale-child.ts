/**
 * One phase of the matching bench in its own process, so each figure starts from a clean heap:
 *   build <teams> <dir>            cold build (profile + embed + HNSW + lexical + save)
 *   reload <teams> <dir> [queries] fresh-process reload; with "queries", per-query CPU, recall of
 *                                  the whole ranking against exact search, and the side-by-side
 * Prints one JSON line. CPU is process.cpuUsage (user + system, all threads).
 */
import { fileURLToPath } from 'node:url';
import { loadGlossary } from '../src/knowledge/glossary.js';
import { TeamRanker, type RankOptions } from '../src/matching/team-ranker.js';
import { LocalHashingEmbeddings } from '../src/retrieval/local-hashing-embeddings.js';
import { generatedCatalog } from './match-bench.js';
import { compareVectorSearches } from './vector-search-comparison.js';
import { PARAPHRASED_NEEDS } from './paraphrased-needs.js';

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
  for (const { need, options } of needs.slice(0, 5)) await ranker.rankTeams(need, options);
  const rounds: { plain: number[]; filtered: number[]; plainWall: number[]; filteredWall: number[] }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const figures = { plain: [] as number[], filtered: [] as number[], plainWall: [] as number[], filteredWall: [] as number[] };
    for (const { need, options } of needs) {
      const started = process.cpuUsage();
      const began = performance.now();
      await ranker.rankTeams(need, { ...options, top: 5 });
      const wallMs = performance.now() - began;
      const isFiltered = Object.keys(options).length > 0;
      (isFiltered ? figures.filtered : figures.plain).push(cpuMilliseconds(started));
      (isFiltered ? figures.filteredWall : figures.plainWall).push(wallMs);
    }
    rounds.push(figures);
  }
  result.queryCpuMs = {
    plain: rounds.map((round) => median(round.plain)),
    filtered: rounds.map((round) => median(round.filtered)),
    filteredP95: rounds.map((round) => percentile(round.filtered, 0.95)),
    plainWall: rounds.map((round) => median(round.plainWall)),
    filteredWall: rounds.map((round) => median(round.filteredWall)),
  };
  result.rankingRecall = await rankingRecall(ranker, needs);
  result.comparison = await compareVectorSearches(ranker, needs.map(({ need }) => need), cacheDir!, ROUNDS);
}
process.stdout.write(`${JSON.stringify(result)}\n`);

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
