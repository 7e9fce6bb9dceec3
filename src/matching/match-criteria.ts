import type { GlossaryEntry } from '../knowledge/glossary.js';
import { hasCdm, type AssetFit } from './asset-fit.js';
import { textHasDisease, type AssetProfile } from './asset-profile.js';
import type { CatalogTeam } from './load-catalog.js';
import type { PeriodWish } from './need-numbers.js';
import type { ParsedNeed } from './parse-need.js';

export type Verdict = 'met' | 'not_met' | 'unknown';

/**
 * One line of a suggestion's explanation, as data. `verdict` is absent when the need did not
 * ask about the criterion: the line then states what the team has.
 */
export type Criterion =
  | { kind: 'disease'; verdict?: Verdict; wanted: GlossaryEntry[]; held: string[]; asset?: string; viaExpertise?: boolean }
  | { kind: 'data'; verdict?: Verdict; wantedTypes: string[]; wantedModalities: string[]; type?: string; modalities: string[]; asset?: string }
  | { kind: 'population'; verdict: Verdict; asset?: string }
  | { kind: 'patients'; verdict?: Verdict; wanted?: number; patients?: number; asset?: string }
  | { kind: 'period'; verdict?: Verdict; wanted?: PeriodWish; period?: string; asset?: string }
  | { kind: 'cdm'; verdict?: Verdict; cdm?: boolean; asset?: string }
  | { kind: 'region'; verdict?: Verdict; wanted?: string; region?: string };

export interface RankedAsset {
  profile: AssetProfile;
  fit: AssetFit;
  score: number;
}

export interface StatedWishes {
  minPatients?: number;
  wantsCdm: boolean;
  region?: string;
}

/**
 * What a team's score rests on besides its assets' own scores, for every candidate team: the
 * disease and region verdicts of evaluateCriteria, which makes the full criteria (and their
 * wording) only for the teams shown, from this same standing.
 */
export interface TeamStanding {
  /** The team's best asset holding a disease asked for, if any. */
  holder?: RankedAsset;
  /** The diseases asked for that the team's expertise names, when no asset holds one. */
  viaExpertise: GlossaryEntry[];
  /** Diseases were asked for and the team holds none of them, on an asset or by expertise. */
  lacksDisease: boolean;
  /** A region was asked for and the team's best asset is in it. */
  regionMet: boolean;
}

const NONE: GlossaryEntry[] = [];

/** The standing of one team whose assets are given best first. */
export function teamStanding(need: ParsedNeed, wishes: StatedWishes, team: CatalogTeam, ranked: RankedAsset[]): TeamStanding {
  let holder: RankedAsset | undefined;
  for (const entry of ranked) {
    if (entry.fit.diseases.length === 0) continue;
    holder = entry;
    break;
  }
  let viaExpertise = NONE;
  if (need.diseases.length > 0 && !holder) {
    const expertise = (team.expertise ?? []).join(' ');
    viaExpertise = need.diseases.filter((entry) => textHasDisease(expertise, entry));
  }
  const region = ranked[0]!.profile.region;
  return {
    holder,
    viaExpertise,
    lacksDisease: need.diseases.length > 0 && !holder && viaExpertise.length === 0,
    regionMet: Boolean(wishes.region) && region !== undefined && regionMatches(region, wishes.region!),
  };
}

/** Criterion by criterion, for one team whose assets are given best first. */
export function evaluateCriteria(
  need: ParsedNeed,
  wishes: StatedWishes,
  team: CatalogTeam,
  ranked: RankedAsset[],
  standing: TeamStanding = teamStanding(need, wishes, team, ranked),
): Criterion[] {
  const top = ranked[0]!;
  const withDisease = ranked.filter((entry) => entry.fit.diseases.length > 0);
  // Size, period and CDM are judged on the assets that are about the disease asked for.
  const relevant = withDisease.length > 0 ? withDisease : ranked;
  const title = (entry: RankedAsset | undefined) => entry?.profile.asset.title;
  const criteria: Criterion[] = [diseaseCriterion(need, top, standing)];

  const wantsData = need.modalities.length > 0 || need.dataTypes.length > 0;
  const dataMatch = wantsData ? relevant.find((entry) => (need.modalities.length > 0 ? entry.fit.modality : entry.fit.dataType)) : undefined;
  const shown = dataMatch ?? relevant[0]!;
  criteria.push({
    kind: 'data',
    verdict: wantsData ? (dataMatch ? 'met' : 'not_met') : undefined,
    wantedTypes: need.dataTypes,
    wantedModalities: need.modalities,
    type: shown.profile.asset.type,
    modalities: shown.profile.asset.modalities ?? [],
    asset: title(shown),
  });

  if (need.paediatric) {
    const child = relevant.find((entry) => entry.fit.paediatric === true);
    criteria.push({ kind: 'population', verdict: child ? 'met' : relevant[0]!.fit.paediatric === false ? 'not_met' : 'unknown', asset: title(child ?? relevant[0]) });
  }

  const withPatients = relevant.filter((entry) => entry.profile.asset.patients !== undefined);
  if (wishes.minPatients !== undefined) {
    const enough = withPatients.find((entry) => entry.fit.patients);
    const largest = [...withPatients].sort((left, right) => right.profile.asset.patients! - left.profile.asset.patients!)[0];
    const shownPatients = enough ?? largest;
    criteria.push({ kind: 'patients', verdict: enough ? 'met' : largest ? 'not_met' : 'unknown', wanted: wishes.minPatients, patients: shownPatients?.profile.asset.patients, asset: title(shownPatients) });
  } else {
    criteria.push({ kind: 'patients', patients: withPatients[0]?.profile.asset.patients, asset: title(withPatients[0]) });
  }

  const withPeriod = relevant.filter((entry) => entry.profile.period !== undefined);
  const periodMatch = need.period ? withPeriod.find((entry) => entry.fit.period) : undefined;
  const periodShown = periodMatch ?? withPeriod[0];
  criteria.push({
    kind: 'period',
    verdict: need.period ? (periodMatch ? 'met' : periodShown ? 'not_met' : 'unknown') : undefined,
    wanted: need.period,
    period: periodShown?.profile.asset.period,
    asset: title(periodShown),
  });

  const cdmTrue = relevant.find((entry) => hasCdm(entry.profile) === true);
  const cdmKnown = cdmTrue ?? relevant.find((entry) => hasCdm(entry.profile) === false);
  const cdmShown = wishes.wantsCdm ? cdmKnown : relevant[0];
  const cdm = cdmShown ? hasCdm(cdmShown.profile) : undefined;
  criteria.push({
    kind: 'cdm',
    verdict: wishes.wantsCdm ? (cdm === true ? 'met' : cdm === false ? 'not_met' : 'unknown') : undefined,
    cdm,
    asset: cdm === undefined ? undefined : title(cdmShown),
  });

  criteria.push({
    kind: 'region',
    verdict: wishes.region ? (top.profile.region === undefined ? 'unknown' : standing.regionMet ? 'met' : 'not_met') : undefined,
    wanted: wishes.region,
    region: team.region,
  });
  return criteria;
}

function diseaseCriterion(need: ParsedNeed, top: RankedAsset, { holder, viaExpertise }: TeamStanding): Criterion {
  if (need.diseases.length === 0) {
    return { kind: 'disease', wanted: [], held: top.profile.asset.diseases ?? [], asset: top.profile.asset.title };
  }
  if (holder) return { kind: 'disease', verdict: 'met', wanted: holder.fit.diseases, held: holder.profile.asset.diseases ?? [], asset: holder.profile.asset.title };
  if (viaExpertise.length > 0) return { kind: 'disease', verdict: 'met', wanted: viaExpertise, held: [], viaExpertise: true };
  return { kind: 'disease', verdict: 'not_met', wanted: need.diseases, held: top.profile.asset.diseases ?? [] };
}

/** Both sides already normalised (서울, 부산 …); "충청" accepts a team in "충청" or a more precise spelling of it. */
export function regionMatches(teamRegion: string, wanted: string): boolean {
  return teamRegion.includes(wanted) || wanted.includes(teamRegion);
}
