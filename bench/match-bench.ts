import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlossary } from '../src/knowledge/glossary.js';
import type { Catalog } from '../src/matching/load-catalog.js';
import { TeamRanker, type RankOptions } from '../src/matching/team-ranker.js';
import { LocalHashingEmbeddings } from '../src/retrieval/local-hashing-embeddings.js';
import { seededRandom } from '../src/retrieval/synthetic-documents.js';

/**
 * Team matching at scale, offline: a generated catalog of 10,000 teams × 3 assets, build and
 * reload time, rankTeams latency over 200 needs (a fifth with hard filters), HNSW recall@10
 * against exact search and peak memory. Targets: p95 ≤ 20 ms, recall@10 ≥ 0.98.
 */
const TEAMS = 10_000;
const QUERIES = 200;

const HOSPITALS: [string, string][] = [
  ['서울대병원', '서울'], ['분당서울대병원', '경기'], ['보라매병원', '서울'], ['충남대병원', '충남'], ['충북대병원', '충북'], ['계명대동산병원', '대구'],
  ['삼성서울병원', '서울'], ['강북삼성병원', '서울'], ['삼성창원병원', '경남'], ['한양대병원', '서울'], ['세브란스병원', '서울'], ['강남세브란스병원', '서울'],
  ['아주대병원', '경기'], ['원주세브란스기독병원', '강원'], ['부산대병원', '부산'], ['양산부산대병원', '경남'], ['전남대병원', '광주'], ['경북대병원', '대구'],
  ['고려대 안암병원', '서울'], ['고려대 구로병원', '서울'], ['건양대병원', '대전'], ['전북대병원', '전북'], ['가천대 길병원', '인천'], ['한림대성심병원', '경기'],
  ['강릉아산병원', '강원'], ['울산대병원', '울산'], ['강원대병원', '강원'], ['서울성모병원', '서울'], ['서울아산병원', '서울'], ['국립암센터', '경기'],
];
const DEPARTMENTS = ['영상의학과', '신경과', '순환기내과', '소아청소년과', '응급의학과', '종양내과', '병리과', '재활의학과', '호흡기내과', '소화기내과', '유방외과', '내분비내과', '정신건강의학과', '안과', '의료정보팀'];
const DISEASES: [string, string][] = [
  ['뇌졸중', 'stroke'], ['폐암', 'lung cancer'], ['유방암', 'breast cancer'], ['대장암', 'colorectal cancer'], ['당뇨병', 'diabetes'], ['고혈압', 'hypertension'],
  ['치매', 'dementia'], ['심부전', 'heart failure'], ['부정맥', 'arrhythmia'], ['만성폐쇄성폐질환', 'COPD'], ['코로나19', 'COVID-19'], ['패혈증', 'sepsis'],
  ['뇌동맥류', 'cerebral aneurysm'], ['간암', 'liver cancer'], ['위암', 'gastric cancer'], ['녹내장', 'glaucoma'], ['우울증', 'depression'], ['만성콩팥병', 'chronic kidney disease'],
];
const KINDS: { type: string; label: string; modalities: string[] }[] = [
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

export function generatedNeeds(count: number, seed = 99): { need: string; options: RankOptions }[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const [ko, en] = pick(DISEASES);
    const kind = pick(KINDS);
    const modality = kind.modalities.length > 0 ? pick(kind.modalities) : kind.label;
    const need = index % 2 === 0 ? `${ko} ${modality} 데이터로 AI 모델을 검증하려는 스타트업` : `${en} ${kind.type} data for an AI model (${modality})`;
    const options: RankOptions = index % 5 === 0 ? { type: kind.type, minPatients: 10_000 } : index % 7 === 0 ? { region: pick(HOSPITALS)[1] } : {};
    return { need, options };
  });
}

export async function benchMatching(): Promise<string[]> {
  const lines: string[] = [];
  const glossary = loadGlossary(fileURLToPath(new URL('../knowledge/glossary.yaml', import.meta.url)));
  const catalog = generatedCatalog(TEAMS);
  const cacheDir = await mkdtemp(join(tmpdir(), 'itda-match-bench-'));
  try {
    const embeddings = new LocalHashingEmbeddings();
    const cold = await timed(() => TeamRanker.build(catalog, { embeddings, glossary, cacheDir, currentYear: 2026 }));
    lines.push(`catalog: ${TEAMS.toLocaleString('en-US')} teams, ${cold.value.assetCount.toLocaleString('en-US')} assets (generated, seed 2025)`);
    lines.push(`cold build (profile + embed + HNSW + lexical + save): ${cold.milliseconds} ms`);
    const warm = await timed(() => TeamRanker.build(catalog, { embeddings, glossary, cacheDir, currentYear: 2026 }));
    lines.push(`reload (nothing re-embedded: ${warm.value.stats.embedded === 0}, graph ${warm.value.stats.graph}): ${warm.milliseconds} ms`);

    const ranker = warm.value;
    const needs = generatedNeeds(QUERIES);
    for (const { need, options } of needs.slice(0, 10)) await ranker.rankTeams(need, options);
    const timings: number[] = [];
    for (const { need, options } of needs) {
      const started = performance.now();
      await ranker.rankTeams(need, { ...options, top: 5 });
      timings.push(performance.now() - started);
    }
    timings.sort((left, right) => left - right);
    const at = (share: number) => timings[Math.min(timings.length - 1, Math.floor(share * timings.length))]!.toFixed(2);
    lines.push(`rankTeams top 5 over ${QUERIES} needs (1 in 5 with type + min-patients filters, 1 in 7 with a region): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (target p95 ≤ 20 ms)`);

    let found = 0;
    for (const { need } of needs) {
      const exact = await ranker.searchIndex.exactVectorSearch(need, 10);
      const approximate = new Set(await ranker.searchIndex.approximateVectorSearch(need, 10));
      found += exact.filter((id) => approximate.has(id)).length;
    }
    lines.push(`HNSW recall@10 against exact search: ${(found / (needs.length * 10)).toFixed(4)} (target ≥ 0.98)`);
    const memory = process.memoryUsage();
    lines.push(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; heap in use now ${Math.round(memory.heapUsed / 1024 / 1024)} MB`);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
  return lines;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; milliseconds: number }> {
  const started = performance.now();
  const value = await run();
  return { value, milliseconds: Math.round(performance.now() - started) };
}
