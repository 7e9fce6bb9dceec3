import { join } from 'node:path';
import type { MatchFilters, TeamMatch } from '../ports/capabilities.js';
import type { Language } from '../messages/language.js';
import type { Glossary } from '../knowledge/glossary.js';
import { HybridSearchIndex, type BuildStats } from '../retrieval/hybrid-search-index.js';
import type { NamedEmbeddings } from '../retrieval/named-embeddings.js';
import type { RetrievalHit } from '../retrieval/retrievable-document.js';
import { assetDocuments } from './asset-documents.js';
import { fitAsset, fitBonus } from './asset-fit.js';
import type { AssetProfile } from './asset-profile.js';
import { loadOrProfileAssets } from './asset-profile-file.js';
import { explainCriteria, explanationWords } from './explain-match.js';
import type { Catalog, CatalogTeam } from './load-catalog.js';
import { evaluateCriteria, regionMatches, teamStanding, type RankedAsset, type StatedWishes, type TeamStanding } from './match-criteria.js';
import { normaliseRegion } from './need-vocabulary.js';
import { parseNeed } from './parse-need.js';
import { translateTerm } from './translate-term.js';

export interface RankOptions extends MatchFilters {
  top?: number;
  /** Language of the reasons; by default the need's own language. */
  language?: Language;
  /** Measurement only: the same ranking over exact vectors (no HNSW, no sketch); see bench/. */
  exact?: boolean;
}

export interface TeamRankerOptions {
  embeddings: NamedEmbeddings;
  glossary: Glossary;
  /** Where vectors and the HNSW graph persist (keyed by content hash); omit to keep them in memory. */
  cacheDir?: string;
  currentYear?: number;
  onWarning?: (message: string) => void;
}

/** Catalogs up to this many assets are ranked whole; larger ones from the best hybrid hits. */
const RANK_ALL_LIMIT = 2_000;
/** How much a team's second-best asset adds: depth in the area counts, but less than the best fit. */
const SECOND_ASSET_WEIGHT = 0.1;
const REGION_BONUS = 0.05;
const EXPERTISE_DISEASE_BONUS = 0.15;
const MISSING_DISEASE_FACTOR = 0.25;

/**
 * Ranks hospital teams for a need: hybrid (vector + lexical, glossary-expanded) similarity of
 * each data asset, raised for the criteria it meets, hard filters applied first; a team scores
 * by its best assets and explains itself criterion by criterion.
 */
export class TeamRanker {
  /** The filterable facts of each asset by position, read by every filtered query. */
  private readonly columns: FilterColumns;

  private constructor(
    private readonly index: HybridSearchIndex,
    private readonly profiles: Map<string, AssetProfile>,
    positions: AssetProfile[],
    private readonly options: TeamRankerOptions,
    readonly stats: BuildStats,
  ) {
    this.columns = filterColumns(positions);
  }

  static async build(catalog: Catalog, options: TeamRankerOptions): Promise<TeamRanker> {
    const currentYear = options.currentYear ?? new Date().getFullYear();
    const name = 'hospital-catalog';
    const { profiles } = await loadOrProfileAssets(catalog.teams, options.glossary, currentYear, options.cacheDir && join(options.cacheDir, name));
    const { index, stats } = await HybridSearchIndex.build(assetDocuments(profiles), {
      embeddings: options.embeddings,
      cacheDir: options.cacheDir,
      name,
      onWarning: options.onWarning,
    });
    return new TeamRanker(index, new Map(profiles.map((profile) => [profile.id, profile])), profiles, { ...options, currentYear }, stats);
  }

  get assetCount(): number {
    return this.profiles.size;
  }

  /** The underlying hybrid index, for measuring HNSW recall against exact search. */
  get searchIndex(): HybridSearchIndex {
    return this.index;
  }

  async rankTeams(need: string, options: RankOptions = {}): Promise<TeamMatch[]> {
    const top = options.top ?? 5;
    const parsed = parseNeed(need, this.options.glossary, this.options.currentYear!);
    const language = options.language ?? parsed.language;
    const minPatients = maxDefined(options.minPatients, parsed.minPatients);
    const wantsCdm = options.cdm === true || parsed.wantsCdm;
    const regionFilter = options.region ? normaliseRegion(options.region) : undefined;
    const wishes: StatedWishes = { minPatients, wantsCdm, region: regionFilter ?? parsed.regions[0] };
    const filtered = Boolean(options.type || options.region || options.cdm === true || options.minPatients !== undefined);
    const hits = await this.search(need, parsed.expansions, top, filtered ? this.filterMask(options, regionFilter) : undefined, options.exact === true);

    const byTeam = new Map<string, RankedAsset[]>();
    for (const hit of hits) {
      const profile = this.profiles.get(hit.id)!;
      const fit = fitAsset(profile, parsed, minPatients, wantsCdm);
      const ranked = byTeam.get(profile.team.id);
      const entry: RankedAsset = { profile, fit, score: hit.score + fitBonus(fit) };
      if (ranked) ranked.push(entry);
      else byTeam.set(profile.team.id, [entry]);
    }

    // Every candidate team is scored from its standing (disease and region verdicts); the full
    // criteria and their wording are made only for the teams shown: making them for all of the
    // pool's 30-odd teams was a fifth of a query's JavaScript.
    const teams: RankedTeam[] = [];
    for (const ranked of byTeam.values()) {
      ranked.sort(byScoreThenId);
      const team = ranked[0]!.profile.team;
      const standing = teamStanding(parsed, wishes, team, ranked);
      let score = ranked[0]!.score + SECOND_ASSET_WEIGHT * (ranked[1]?.score ?? 0);
      if (standing.viaExpertise.length > 0) score += EXPERTISE_DISEASE_BONUS;
      if (standing.regionMet) score += REGION_BONUS;
      teams.push({ team, ranked, standing, score });
    }
    // A team holding none of the diseases named ranks below every team that holds one, and its
    // score is shrunk below theirs so the list reads best first.
    let floor = Infinity;
    for (const entry of teams) if (!entry.standing.lacksDisease) floor = Math.min(floor, entry.score);
    for (const entry of teams) if (entry.standing.lacksDisease) entry.score = Math.min(entry.score * MISSING_DISEASE_FACTOR, floor * MISSING_DISEASE_FACTOR);
    teams.sort(
      (left, right) => Number(left.standing.lacksDisease) - Number(right.standing.lacksDisease) || right.score - left.score || compareIds(left.team.id, right.team.id),
    );

    const words = explanationWords(language);
    const translate = (term: string) => translateTerm(this.options.glossary, term, language);
    const matches: TeamMatch[] = [];
    for (const { team, ranked, standing, score } of teams.slice(0, top)) {
      const criteria = evaluateCriteria(parsed, wishes, team, ranked, standing);
      matches.push({
        teamId: team.id,
        hospital: team.hospital,
        department: team.department,
        score: Math.round(score * 1000) / 1000,
        reasons: explainCriteria(criteria, language, translate, words),
        assets: ranked.slice(0, 3).map((entry) => entry.profile.asset.title),
      });
    }
    return matches;
  }

  /**
   * The asset positions passing the hard filters, as a mask and a list. Types and regions are
   * compared once per distinct value and the pass is over small integer codes, starting from
   * the positions of the type asked for when there is one: comparing strings for every asset
   * was most of a filtered query's own cost at 300,000 assets.
   */
  private filterMask(options: RankOptions, regionFilter: string | undefined): AcceptedAssets {
    const { typeCodes, types, positionsByType, cdmPositions, regionCodes, regions, cdm, patients } = this.columns;
    const typePasses = Uint8Array.from(types, (type) => (!options.type || type === options.type ? 1 : 0));
    // Code 0 is "no region": it passes only when no region is asked for.
    const regionPasses = Uint8Array.from([undefined, ...regions], (region) => (!regionFilter ? 1 : region !== undefined && regionMatches(region, regionFilter) ? 1 : 0));
    const wantsCdm = options.cdm === true;
    const minPatients = options.minPatients ?? -Infinity;
    const typeCode = options.type === undefined ? -1 : types.indexOf(options.type);
    const mask = new Uint8Array(typeCodes.length);
    const passes = (position: number) =>
      typePasses[typeCodes[position]!] === 1 && regionPasses[regionCodes[position]!] === 1 && (!wantsCdm || cdm[position] === 1) && patients[position]! >= minPatients;
    const subset = options.type !== undefined ? (typeCode === -1 ? new Int32Array(0) : positionsByType[typeCode]!) : wantsCdm ? cdmPositions : undefined;
    if (subset) {
      const positions: number[] = [];
      for (const position of subset) {
        if (!passes(position)) continue;
        mask[position] = 1;
        positions.push(position);
      }
      return { mask, count: positions.length, positions };
    }
    let count = 0;
    for (let position = 0; position < typeCodes.length; position += 1) {
      if (!passes(position)) continue;
      mask[position] = 1;
      count += 1;
    }
    return { mask, count };
  }

  /**
   * Small catalogs are ranked whole (exact); a large one from the best hybrid hits, the hard
   * filters applied inside the search (HybridSearchIndex picks a sketch scan, a post-filtered or
   * a filtered graph walk by how many assets pass).
   */
  private search(need: string, expansions: string[], top: number, accepted: AcceptedAssets | undefined, exact: boolean): Promise<RetrievalHit[]> {
    const size = this.profiles.size;
    const filter = { acceptedMask: accepted?.mask, acceptedPositions: accepted?.positions, acceptedCount: accepted?.count };
    if (size <= RANK_ALL_LIMIT) return this.index.search(need, { k: size, candidates: size, expansions, ...filter, exact });
    const pool = Math.max(top * 8, 40);
    return this.index.search(need, { k: pool, candidates: pool, expansions, ...filter, exact });
  }
}

interface RankedTeam {
  team: CatalogTeam;
  /** The team's assets among the hits, best first. */
  ranked: RankedAsset[];
  standing: TeamStanding;
  score: number;
}

function byScoreThenId(left: RankedAsset, right: RankedAsset): number {
  return right.score - left.score || compareIds(left.profile.id, right.profile.id);
}

interface AcceptedAssets {
  mask: Uint8Array;
  count: number;
  /** The positions set in `mask`, ascending, when the pass went over a type's or the CDM assets only (a pass over all of them only counts). */
  positions?: number[];
}

interface FilterColumns {
  /** Index into `types` per asset position. */
  typeCodes: Uint8Array | Uint16Array | Uint32Array;
  types: string[];
  /** Asset positions of each type, ascending, by type code. */
  positionsByType: Int32Array[];
  /** Asset positions in the common data model, ascending. */
  cdmPositions: Int32Array;
  /** 0 for an asset without a region, else 1 + index into `regions`. */
  regionCodes: Uint8Array | Uint16Array | Uint32Array;
  regions: string[];
  cdm: Uint8Array;
  patients: Float64Array;
}

function filterColumns(positions: AssetProfile[]): FilterColumns {
  const types = new Map<string, number>();
  const regions = new Map<string, number>();
  const typeNumbers: number[] = [];
  const regionNumbers: number[] = [];
  const cdm = new Uint8Array(positions.length);
  const patients = new Float64Array(positions.length);
  positions.forEach(({ asset, region }, position) => {
    if (!types.has(asset.type)) types.set(asset.type, types.size);
    typeNumbers.push(types.get(asset.type)!);
    if (region !== undefined && !regions.has(region)) regions.set(region, regions.size + 1);
    regionNumbers.push(region === undefined ? 0 : regions.get(region)!);
    cdm[position] = asset.cdm === true || asset.type === 'cdm' ? 1 : 0;
    patients[position] = asset.patients ?? 0;
  });
  const byType: number[][] = Array.from(types.keys(), () => []);
  typeNumbers.forEach((code, position) => byType[code]!.push(position));
  const cdmPositions: number[] = [];
  cdm.forEach((flag, position) => flag === 1 && cdmPositions.push(position));
  const codes = (numbers: number[], distinct: number) => (distinct <= 0xff ? Uint8Array.from(numbers) : distinct <= 0xffff ? Uint16Array.from(numbers) : Uint32Array.from(numbers));
  return {
    typeCodes: codes(typeNumbers, types.size),
    types: [...types.keys()],
    positionsByType: byType.map((positions) => Int32Array.from(positions)),
    cdmPositions: Int32Array.from(cdmPositions),
    regionCodes: codes(regionNumbers, regions.size + 1),
    regions: [...regions.keys()],
    cdm,
    patients,
  };
}

function maxDefined(left: number | undefined, right: number | undefined): number | undefined {
  return left === undefined ? right : right === undefined ? left : Math.max(left, right);
}

function compareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
