import { describe, expect, it } from 'vitest';
import { AssetFilterColumns, type AssetFilters } from '../../src/matching/asset-filter-columns.js';
import type { AssetProfile } from '../../src/matching/asset-profile.js';
import { regionMatches } from '../../src/matching/match-criteria.js';
import { seededRandom } from '../../src/retrieval/synthetic-documents.js';

const TYPES = ['imaging', 'emr', 'biosignal', 'cdm'];
const REGIONS = ['서울', '경기', '부산', undefined];

/** Just the facts the hard filters read, for 600 assets. */
function profiles(): AssetProfile[] {
  const random = seededRandom(5);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: 600 }, (_, position) => {
    const patients = random() < 0.1 ? undefined : Math.floor(random() * 30_000);
    return { id: `t${position}#0`, region: pick(REGIONS), asset: { type: pick(TYPES), cdm: pick([true, false, undefined]), patients } } as unknown as AssetProfile;
  });
}

/** The rule itself, one asset at a time. */
function passes(profile: AssetProfile, filters: AssetFilters): boolean {
  const { asset, region } = profile;
  if (filters.type !== undefined && asset.type !== filters.type) return false;
  if (filters.region !== undefined && (region === undefined || !regionMatches(region, filters.region))) return false;
  if (filters.cdm === true && !(asset.cdm === true || asset.type === 'cdm')) return false;
  return filters.minPatients === undefined || (asset.patients ?? 0) >= filters.minPatients;
}

describe('AssetFilterColumns', () => {
  it('lets through exactly the assets every filter given lets through, whichever set it starts from', () => {
    const assets = profiles();
    const columns = AssetFilterColumns.from(assets);
    const combinations: AssetFilters[] = [];
    for (const type of [undefined, 'imaging', 'cdm', 'genomic'])
      for (const region of [undefined, '서울', '부산', '제주'])
        for (const cdm of [undefined, true, false])
          for (const minPatients of [undefined, 0, 5_000, 29_000]) combinations.push({ type, region, cdm, minPatients });
    for (const filters of combinations) {
      const accepted = columns.accepted(filters);
      const expected = assets.flatMap((profile, position) => (passes(profile, filters) ? [position] : []));
      const masked = [...accepted.mask.keys()].filter((position) => accepted.mask[position] === 1);
      expect({ filters, masked }).toEqual({ filters, masked: expected });
      expect(accepted.count).toBe(expected.length);
      if (accepted.positions) expect([...accepted.positions]).toEqual(expected);
    }
  });

  it('answers a type alone with the same list and mask every time, which no query writes to', () => {
    const columns = AssetFilterColumns.from(profiles());
    const first = columns.accepted({ type: 'emr' });
    expect(columns.accepted({ type: 'emr' }).mask).toBe(first.mask);
    expect(first.positions).toBeDefined();
  });
});
