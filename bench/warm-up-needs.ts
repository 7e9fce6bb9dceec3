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
