import type { AssetProfile } from './asset-profile.js';
import { regionMatches } from './match-criteria.js';

/** The hard filters of a ranking, the region already normalised. */
export interface AssetFilters {
  type?: string;
  region?: string;
  cdm?: boolean;
  minPatients?: number;
}

export interface AcceptedAssets {
  /** 1 at each asset position that passes; a type's mask is shared by every query, so readers never write to it. */
  mask: Uint8Array;
  count: number;
  /** The positions set in `mask`, ascending, when the pass listed them for free (a pass over one type's or the CDM assets). */
  positions?: Int32Array;
}

/**
 * The filterable facts of every asset by position, and the positions of each type, region and
 * CDM asset, made once per catalog. A filter is answered from the smallest of the sets its
 * conditions name, testing the other conditions on small integer codes without branches, and a
 * type alone (most filtered needs at 10k teams) by the mask and list made here, at no cost per
 * query. Before, every filter was a pass over all 30,000 assets (or the type's) with a
 * closure call and four tests per asset, and its mask and list were made afresh.
 */
export class AssetFilterColumns {
  private constructor(
    /** Index into `types` per asset position. */
    private readonly typeCodes: Uint8Array | Uint16Array | Uint32Array,
    private readonly types: string[],
    private readonly positionsByType: Int32Array[],
    private readonly typeMasks: Uint8Array[],
    /** 0 for an asset without a region, else 1 + index into `regions`. */
    private readonly regionCodes: Uint8Array | Uint16Array | Uint32Array,
    private readonly regions: string[],
    /** Asset positions by region code (0: no region), ascending. */
    private readonly positionsByRegion: Int32Array[],
    private readonly cdm: Uint8Array,
    private readonly cdmPositions: Int32Array,
    private readonly patients: Float64Array,
  ) {}

  static from(profiles: AssetProfile[]): AssetFilterColumns {
    const types = new Map<string, number>();
    const regions = new Map<string, number>();
    const typeNumbers: number[] = [];
    const regionNumbers: number[] = [];
    const cdm = new Uint8Array(profiles.length);
    const patients = new Float64Array(profiles.length);
    const cdmPositions: number[] = [];
    profiles.forEach(({ asset, region }, position) => {
      if (!types.has(asset.type)) types.set(asset.type, types.size);
      typeNumbers.push(types.get(asset.type)!);
      if (region !== undefined && !regions.has(region)) regions.set(region, regions.size + 1);
      regionNumbers.push(region === undefined ? 0 : regions.get(region)!);
      cdm[position] = asset.cdm === true || asset.type === 'cdm' ? 1 : 0;
      if (cdm[position] === 1) cdmPositions.push(position);
      patients[position] = asset.patients ?? 0;
    });
    const positionsByType = positionsByCode(typeNumbers, types.size);
    const typeMasks = positionsByType.map((positions) => {
      const mask = new Uint8Array(profiles.length);
      for (const position of positions) mask[position] = 1;
      return mask;
    });
    const codes = (numbers: number[], distinct: number) => (distinct <= 0xff ? Uint8Array.from(numbers) : distinct <= 0xffff ? Uint16Array.from(numbers) : Uint32Array.from(numbers));
    return new AssetFilterColumns(
      codes(typeNumbers, types.size),
      [...types.keys()],
      positionsByType,
      typeMasks,
      codes(regionNumbers, regions.size + 1),
      [...regions.keys()],
      positionsByCode(regionNumbers, regions.size + 1),
      cdm,
      Int32Array.from(cdmPositions),
      patients,
    );
  }

  /** The asset positions passing every filter given. */
  accepted(filters: AssetFilters): AcceptedAssets {
    const size = this.typeCodes.length;
    const { type, region, minPatients } = filters;
    const wantsCdm = filters.cdm === true;
    const typeCode = type === undefined ? -1 : this.types.indexOf(type);
    if (type !== undefined && typeCode === -1) return { mask: new Uint8Array(size), count: 0, positions: new Int32Array(0) };
    if (typeCode !== -1 && region === undefined && !wantsCdm && minPatients === undefined) {
      return { mask: this.typeMasks[typeCode]!, count: this.positionsByType[typeCode]!.length, positions: this.positionsByType[typeCode]! };
    }
    const typePasses = new Uint8Array(this.types.length);
    for (let code = 0; code < typePasses.length; code += 1) typePasses[code] = typeCode === -1 || code === typeCode ? 1 : 0;
    // Code 0 is "no region": it passes only when no region is asked for.
    const regionPasses = new Uint8Array(this.regions.length + 1);
    regionPasses[0] = region === undefined ? 1 : 0;
    for (let code = 1; code < regionPasses.length; code += 1) regionPasses[code] = region === undefined || regionMatches(this.regions[code - 1]!, region) ? 1 : 0;

    // The smallest set a condition names; only a single list is ascending.
    let base: Int32Array[] | undefined;
    let baseSize = size;
    const consider = (lists: Int32Array[]) => {
      let listed = 0;
      for (const list of lists) listed += list.length;
      if (listed < baseSize) [base, baseSize] = [lists, listed];
    };
    if (typeCode !== -1) consider([this.positionsByType[typeCode]!]);
    if (wantsCdm) consider([this.cdmPositions]);
    if (region !== undefined) consider(this.positionsByRegion.filter((_, code) => regionPasses[code] === 1));

    const { typeCodes, regionCodes, cdm, patients } = this;
    const cdmOptional = wantsCdm ? 0 : 1;
    const least = minPatients ?? -Infinity;
    const mask = new Uint8Array(size);
    let count = 0;
    if (!base) {
      // A patient minimum alone (or with nothing narrower): one pass over every asset, in order.
      for (let position = 0; position < size; position += 1) {
        const pass = typePasses[typeCodes[position]!]! & regionPasses[regionCodes[position]!]! & (cdmOptional | cdm[position]!) & (patients[position]! >= least ? 1 : 0);
        mask[position] = pass;
        count += pass;
      }
      return { mask, count };
    }
    const positions = base.length === 1 ? new Int32Array(baseSize) : undefined;
    for (const list of base) {
      for (let index = 0; index < list.length; index += 1) {
        const position = list[index]!;
        const pass = typePasses[typeCodes[position]!]! & regionPasses[regionCodes[position]!]! & (cdmOptional | cdm[position]!) & (patients[position]! >= least ? 1 : 0);
        mask[position] = pass;
        if (positions) positions[count] = position;
        count += pass;
      }
    }
    return { mask, count, positions: positions?.subarray(0, count) };
  }
}

/** Positions by code, ascending, for `distinct` codes numbered from 0. */
function positionsByCode(codes: number[], distinct: number): Int32Array[] {
  const counts = new Int32Array(distinct);
  for (const code of codes) counts[code]! += 1;
  const lists = Array.from(counts, (count) => new Int32Array(count));
  const filled = new Int32Array(distinct);
  codes.forEach((code, position) => (lists[code]![filled[code]!++] = position));
  return lists;
}
