import { join } from 'node:path';
import type { MatchFilters, TeamMatch } from '../ports/capabilities.js';
import type { Language } from '../messages/language.js';
import type { Glossary } from '../knowledge/glossary.js';
import { HybridSearchIndex, type BuildStats } from '../retrieval/hybrid-search-index.js';
import type { NamedEmbeddings } from '../retrieval/named-embeddings.js';
import type { RetrievalHit } from '../retrieval/retrievable-document.js';
import { assetDocuments } from './asset-documents.js';
import { AssetFilterColumns, type AcceptedAssets } from './asset-filter-columns.js';
import { fitAsset, fitBonus } from './asset-fit.js';
import type { AssetProfile } from './asset-profile.js';
import { loadOrProfileAssets } from './asset-profile-file.js';
import { explainCriteria, explanationWords } from './explain-match.js';
import type { Catalog, CatalogTeam } from './load-catalog.js';
import { evaluateCriteria, teamStanding, type RankedAsset, type StatedWishes, type TeamStanding } from './match-criteria.js';
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
  private readonly columns: AssetFilterColumns;

  private constructor(
    private readonly index: HybridSearchIndex,
    private readonly profiles: Map<string, AssetProfile>,
    /** The profiles in document order: a hit's metadata.position (asset-documents.ts) finds its profile without hashing its id. */
    private readonly byPosition: AssetProfile[],
    private readonly options: TeamRankerOptions,
    readonly stats: BuildStats,
  ) {
    this.columns = AssetFilterColumns.from(byPosition);
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
    const hits = await this.search(need, parsed.expansions, top, filtered ? this.columns.accepted({ type: options.type || undefined, region: regionFilter || undefined, cdm: options.cdm, minPatients: options.minPatients }) : undefined, options.exact === true);

    const byTeam = new Map<string, RankedAsset[]>();
    for (const hit of hits) {
      const position = hit.metadata.position;
      const atPosition = typeof position === 'number' ? this.byPosition[position] : undefined;
      const profile = atPosition?.id === hit.id ? atPosition : this.profiles.get(hit.id)!;
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

function maxDefined(left: number | undefined, right: number | undefined): number | undefined {
  return left === undefined ? right : right === undefined ? left : Math.max(left, right);
}

function compareIds(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
