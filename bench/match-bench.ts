import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Catalog } from '../src/matching/load-catalog.js';
import { seededRandom } from '../src/retrieval/synthetic-documents.js';
import { PARAPHRASED_NEEDS } from './paraphrased-needs.js';

const run = promisify(execFile);

/** A generated catalog for timing runs: teams × 3 assets over 30 hospitals, 18 diseases and 8 data kinds. */
const HOSPITALS: [string, string][] = [
  ['서울대병원', '서울'], ['분당서울대병원', '경기'], ['보라매병원', '서울'], ['충남대병원', '충남'], ['충북대병원', '충북'], ['계명대동산병원', '대구'],
  ['삼성서울병원', '서울'], ['강북삼성병원', '서울'], ['삼성창원병원', '경남'], ['한양대병원', '서울'], ['세브란스병원', '서울'], ['강남세브란스병원', '서울'],
  ['아주대병원', '경기'], ['원주세브란스기독병원', '강원'], ['부산대병원', '부산'], ['양산부산대병원', '경남'], ['전남대병원', '광주'], ['경북대병원', '대구'],
  ['고려대 안암병원', '서울'], ['고려대 구로병원', '서울'], ['건양대병원', '대전'], ['전북대병원', '전북'], ['가천대 길병원', '인천'], ['한림대성심병원', '경기'],
  ['강릉아산병원', '강원'], ['울산대병원', '울산'], ['강원대병원', '강원'], ['서울성모병원', '서울'], ['서울아산병원', '서울'], ['국립암센터', '경기'],
];
const DEPARTMENTS = ['영상의학과', '신경과', '순환기내과', '소아청소년과', '응급의학과', '종양내과', '병리과', '재활의학과', '호흡기내과', '소화기내과', '유방외과', '내분비내과', '정신건강의학과', '안과', '의료정보팀'];
export const DISEASES: [string, string][] = [
  ['뇌졸중', 'stroke'], ['폐암', 'lung cancer'], ['유방암', 'breast cancer'], ['대장암', 'colorectal cancer'], ['당뇨병', 'diabetes'], ['고혈압', 'hypertension'],
  ['치매', 'dementia'], ['심부전', 'heart failure'], ['부정맥', 'arrhythmia'], ['만성폐쇄성폐질환', 'COPD'], ['코로나19', 'COVID-19'], ['패혈증', 'sepsis'],
  ['뇌동맥류', 'cerebral aneurysm'], ['간암', 'liver cancer'], ['위암', 'gastric cancer'], ['녹내장', 'glaucoma'], ['우울증', 'depression'], ['만성콩팥병', 'chronic kidney disease'],
];
export const KINDS: { type: string; label: string; modalities: string[] }[] = [
  { type: 'imaging', label: '영상', modalities: ['CT', 'MRI', 'X-ray', '초음파', '유방촬영'] },
  { type: 'biosignal', label: '생체신호', modalities: ['ECG', 'EEG', '활력징후'] },
  { type: 'pathology', label: '병리 슬라이드', modalities: ['WSI'] },
  { type: 'genomic', label: '유전체', modalities: ['NGS'] },
  { type: 'emr', label: '진료기록', modalities: [] },
  { type: 'registry', label: '레지스트리', modalities: [] },
  { type: 'lifelog', label: '웨어러블 라이프로그', modalities: [] },
  { type: 'claims', label: '청구 데이터', modalities: [] },
];
const SUFFIXES = ['DB', '코호트', '데이터셋', '아카이브'];
const POPULATIONS = ['성인', '소아청소년', '고령', '응급실 내원', '입원'];

export function generatedCatalog(teams: number, seed = 2025): Catalog {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  return {
    teams: Array.from({ length: teams }, (_, index) => {
      const [hospital, region] = pick(HOSPITALS);
      const focus = pick(DISEASES);
      return {
        id: `gen-${String(index).padStart(5, '0')}`,
        hospital,
        department: pick(DEPARTMENTS),
        region,
        expertise: [`${focus[0]} 연구`, focus[1]],
        assets: Array.from({ length: 3 }, () => {
          const disease = random() < 0.6 ? focus : pick(DISEASES);
          const kind = pick(KINDS);
          const modality = kind.modalities.length > 0 ? pick(kind.modalities) : undefined;
          const start = 2005 + Math.floor(random() * 14);
          return {
            title: `${disease[0]} ${modality ?? kind.label} ${pick(SUFFIXES)}`,
            type: kind.type,
            modalities: modality ? [modality] : [],
            diseases: [disease[0]],
            patients: 500 + Math.floor(random() * 99_500),
            period: `${start}-${start + 3 + Math.floor(random() * 6)}`,
            cdm: random() < 0.3 ? true : random() < 0.5 ? false : undefined,
            description: `${pick(POPULATIONS)} ${disease[0]}(${disease[1]}) 환자의 ${kind.label}${modality ? ` (${modality})` : ''} 데이터, ${start}년부터 수집`,
          };
        }),
      };
    }),
    files: [],
  } as Catalog;
}

/**
 * The matching bench at one scale, each phase in its own process (bench/match-scale-child.ts):
 * a cold build, then `rounds` fresh-process reloads (CPU, wall, peak RSS over the process's own
 * baseline), the first of which also times queries, measures recall of the whole ranking
 * against the same ranking over exact vectors, and compares vector stores side by side.
 */
export async function benchMatching(teams: number, rounds: number, indexDir?: string): Promise<{ lines: string[]; row: ScaleRow }> {
  // With --index-dir the index of each scale is kept in <dir>/<teams>-teams and reused by the
  // next run when its content hashes still match (a 100k cold build costs minutes of CPU).
  const cacheDir = indexDir ? join(indexDir, `${teams}-teams`) : await mkdtemp(join(tmpdir(), 'itda-match-bench-'));
  try {
    const cold = await child('build', teams, cacheDir);
    const reused = cold.stats.graph === 'loaded';
    const reloads: ChildResult[] = [];
    for (let round = 0; round < rounds; round += 1) reloads.push(await child('reload', teams, cacheDir, round === 0 ? 'queries' : undefined));
    const measured = reloads[0]!;
    const reloadCpu = reloads.map((reload) => reload.cpuMs);
    const rssOver = reloads.map((reload) => reload.peakMb - reload.baselineMb);
    const queries = measured.queryCpuMs!;
    const vectorMb = cold.vectorMb;
    const lines = [
      `catalog: ${teams.toLocaleString('en-US')} teams, ${cold.assets.toLocaleString('en-US')} assets (generated, seed 2025); vectors ${vectorMb.toFixed(1)} MB (float32, 512 dimensions)`,
      reused
        ? `cold build: not measured, the index in ${cacheDir} was reused (its content hashes matched; graph ${cold.stats.graph}, postings ${cold.stats.lexical}); that load took ${cold.cpuMs.toFixed(0)} ms CPU`
        : `cold build (profile + embed + HNSW + lexical + save), own process: ${cold.cpuMs.toFixed(0)} ms CPU, ${cold.wallMs.toFixed(0)} ms wall`,
      `reload in a fresh process ×${rounds} (embedded ${measured.stats.embedded}, graph ${measured.stats.graph}, postings ${measured.stats.lexical}): CPU ${range(reloadCpu)} ms, wall ${range(reloads.map((reload) => reload.wallMs))} ms — goal ≤ 1500 ms CPU at 10k teams`,
      `reload peak RSS over the process baseline: ${range(rssOver)} MB = ${(Math.min(...rssOver) / vectorMb).toFixed(2)} / ${(median(rssOver) / vectorMb).toFixed(2)}× vector bytes (baseline ${measured.baselineMb.toFixed(0)} MB) — goal ≤ 2.5×`,
      `rankTeams top 5, first pass right after the reload (median of the ${PARAPHRASED_COUNT} needs; V8's optimising compiler is still at work on its own thread): unfiltered CPU ${queries.firstPass.plain.toFixed(2)} ms, wall ${queries.firstPass.plainWall.toFixed(2)} ms; with filters CPU ${queries.firstPass.filtered.toFixed(2)} ms, wall ${queries.firstPass.filteredWall.toFixed(2)} ms${threadShare(queries.firstPass.otherThreadsShare)}`,
      `rankTeams top 5, per query, after ${queries.warmUp} unmeasured warm-up needs (not the measured ones: the catalog's words, and eval/match-cases.yaml's founders' needs with one or two filters), median of ${PARAPHRASED_COUNT} paraphrased needs (${FILTERED_COUNT} with filters) per round ×${rounds}: unfiltered CPU ${range(queries.plain)} ms, wall ${range(queries.plainWall)} ms; with filters CPU ${range(queries.filtered)} ms (p95 ${range(queries.filteredP95)} ms), wall ${range(queries.filteredWall)} ms${threadShare(queries.otherThreadsShare)}${jsThreadCpu(queries)} — goal ≤ 5 ms CPU at 10k, ≤ 20 ms at 100k`,
      `recall of the whole ranking (top-5 teams) against the same ranking over exact vectors: ${measured.rankingRecall!.toFixed(3)}`,
      'nearest-40 vector search, CPU per query (min / median of rounds), recall@10 against the exact scan:',
      ...Object.entries(measured.comparison!).map(([name, figure]) =>
        typeof figure === 'string' ? `  ${name}: ${figure}` : `  ${name}: ${range(figure.cpuMs)} ms, recall@10 ${figure.recallAt10.toFixed(3)}`,
      ),
    ];
    const row: ScaleRow = {
      teams,
      assets: cold.assets,
      coldCpuS: reused ? Number.NaN : cold.cpuMs / 1000,
      reloadCpuMs: median(reloadCpu),
      rssOverVectors: median(rssOver) / vectorMb,
      queryCpuMs: median(queries.plain),
      filteredCpuMs: median(queries.filtered),
      rankingRecall: measured.rankingRecall!,
    };
    return { lines, row };
  } finally {
    if (!indexDir) await rm(cacheDir, { recursive: true, force: true });
  }
}

export interface ScaleRow {
  teams: number;
  assets: number;
  /** NaN when the index was reused (--index-dir) rather than built. */
  coldCpuS: number;
  reloadCpuMs: number;
  rssOverVectors: number;
  queryCpuMs: number;
  filteredCpuMs: number;
  rankingRecall: number;
}

export function scaleTable(rows: ScaleRow[]): string[] {
  return [
    '| teams | assets | cold build CPU s | reload CPU ms | reload RSS / vector bytes | query CPU ms | filtered query CPU ms | ranking recall |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.teams.toLocaleString('en-US')} | ${row.assets.toLocaleString('en-US')} | ${Number.isNaN(row.coldCpuS) ? 'reused' : row.coldCpuS.toFixed(1)} | ${row.reloadCpuMs.toFixed(0)} | ${row.rssOverVectors.toFixed(2)} | ${row.queryCpuMs.toFixed(2)} | ${row.filteredCpuMs.toFixed(2)} | ${row.rankingRecall.toFixed(3)} |`,
    ),
  ];
}

interface ChildResult {
  assets: number;
  vectorMb: number;
  cpuMs: number;
  wallMs: number;
  baselineMb: number;
  peakMb: number;
  stats: { embedded: number; graph: string; lexical: string; warnings: number };
  queryCpuMs?: {
    plain: number[];
    filtered: number[];
    filteredP95: number[];
    plainWall: number[];
    filteredWall: number[];
    /** CPU of the JavaScript thread alone, per round (Linux only). */
    plainJs?: number[];
    filteredJs?: number[];
    otherThreadsShare?: number;
    warmUp: number;
    firstPass: { plain: number; filtered: number; plainWall: number; filteredWall: number; otherThreadsShare?: number };
  };
  rankingRecall?: number;
  comparison?: Record<string, { cpuMs: number[]; recallAt10: number } | string>;
}

const PARAPHRASED_COUNT = PARAPHRASED_NEEDS.length;
const FILTERED_COUNT = PARAPHRASED_NEEDS.filter(({ options }) => Object.keys(options).length > 0).length;

async function child(mode: string, teams: number, cacheDir: string, extra?: string): Promise<ChildResult> {
  const script = fileURLToPath(new URL('./match-scale-child.ts', import.meta.url));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, mode, String(teams), cacheDir, ...(extra ? [extra] : [])], {
    maxBuffer: 16 << 20,
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/** The share of the CPU spent outside the JavaScript thread (V8's compiler and GC helpers), where Linux says. */
function threadShare(share: number | undefined): string {
  return share === undefined ? '' : ` (${Math.round(share * 100)}% of that CPU on threads other than the JavaScript one: V8's compiler and GC helpers)`;
}

/** The JavaScript thread's own CPU per query, beside the all-thread figure the goal is on. */
function jsThreadCpu(queries: { plainJs?: number[]; filteredJs?: number[] }): string {
  if (!queries.plainJs || !queries.filteredJs) return '';
  return `; JavaScript thread alone: unfiltered ${range(queries.plainJs)} ms, with filters ${range(queries.filteredJs)} ms`;
}

/** "min / median" of the rounds. */
export function range(values: number[]): string {
  const digits = Math.min(...values) < 10 ? 2 : 0;
  return `${Math.min(...values).toFixed(digits)} / ${median(values).toFixed(digits)}`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
