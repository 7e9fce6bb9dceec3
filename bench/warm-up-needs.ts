import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { RankOptions } from '../src/matching/team-ranker.js';
import { DISEASES, KINDS } from './match-bench.js';

/** The filters staff use, in turn: none, a data type, a region, a patient minimum, CDM. */
const FILTERS: ((kind: string) => RankOptions)[] = [() => ({}), (type) => ({ type }), () => ({ region: '서울' }), () => ({ minPatients: 10_000 }), () => ({ cdm: true })];

/**
 * Needs for warming the query path up before it is timed, never timed themselves: built from the
 * generated catalog's own words (which the measured needs avoid), in both languages, with every
 * kind of filter, so V8 has compiled every branch the measured needs take. They are distinct from
 * the measured needs, so nothing a ranking might keep could make the measured ones cheaper.
 */
export function warmUpNeeds(count: number): { need: string; options: RankOptions }[] {
  return Array.from({ length: count }, (_, index) => {
    const [korean, english] = DISEASES[index % DISEASES.length]!;
    const kind = KINDS[(index * 5) % KINDS.length]!;
    const need = index % 2 === 0 ? `${korean} 환자의 ${kind.label} 데이터가 필요합니다` : `${english} ${kind.type} data for a validation study`;
    return { need, options: FILTERS[index % FILTERS.length]!(kind.type) };
  });
}

/** The filters staff use, one or two at a time as the measured needs carry them, in turn with none. */
const COMBINED_FILTERS: RankOptions[] = [
  {}, { type: 'imaging' }, {}, { minPatients: 20_000 }, {}, { region: '서울' }, {}, { type: 'emr', minPatients: 5_000 },
  {}, { cdm: true }, {}, { region: '경기', type: 'biosignal' }, {}, { cdm: true, minPatients: 3_000 }, {}, { region: '부산' },
];

/**
 * Needs founders wrote, for warming up beside warmUpNeeds: the 60 of eval/match-cases.yaml
 * (written for the sample catalog, so never among the measured ones), `passes` times, with the
 * filters in turn and top 5, as the measured needs are called. The catalog's own words alone
 * left V8 compiling through the measured rounds: their lay terms, English phrasing and paired
 * filters reach code the generated needs never ran (a perf profile of the first five rounds put
 * about 40% of their CPU in TurboFan on V8's worker threads, deoptimised for "insufficient type
 * feedback" and new object shapes), a cost a running server pays once, not per query.
 */
export function founderWarmUpNeeds(passes: number): { need: string; options: RankOptions }[] {
  const { cases } = parse(readFileSync(new URL('../eval/match-cases.yaml', import.meta.url), 'utf8')) as { cases: { need: string }[] };
  const needs: { need: string; options: RankOptions }[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    cases.forEach(({ need }, index) => needs.push({ need, options: { ...COMBINED_FILTERS[(index + pass) % COMBINED_FILTERS.length]!, top: 5 } }));
  }
  return needs;
}
