import { findGlossaryTerms, type Glossary, type GlossaryEntry } from '../knowledge/glossary.js';
import { withoutNegatedClauses } from './negated-clauses.js';
import type { CatalogAsset, CatalogTeam } from './load-catalog.js';
import { parsePeriodCovered, type PeriodCovered } from './need-numbers.js';
import { ADULT_WORDS, MODALITY_WORDS, PAEDIATRIC_WORDS, mentionedKeys, mentionsAny, normaliseRegion } from './need-vocabulary.js';

/** One catalog asset with the facts the criteria check, worked out once when the index is built. */
export interface AssetProfile {
  /** "<team id>#<asset index>", also the id of the asset's document in the search index. */
  id: string;
  team: CatalogTeam;
  asset: CatalogAsset;
  /** The description without the clauses saying what the asset lacks (negated-clauses.ts); worked out once, saved. */
  description: string;
  /** Lowercased title, diseases, modalities and description. */
  text: string;
  diseaseEntries: GlossaryEntry[];
  modalities: string[];
  paediatric: boolean;
  adultOnly: boolean;
  period?: PeriodCovered;
  region?: string;
}

export function assetId(teamId: string, assetIndex: number): string {
  return `${teamId}#${assetIndex}`;
}

/**
 * Works out each asset's facts. `saved`, when given, supplies the derived facts by asset
 * position (see asset-profile-file.ts) instead of searching the glossary again.
 */
export function profileAssets(
  teams: CatalogTeam[],
  glossary: Glossary,
  currentYear: number,
  saved?: (position: number) => SavedFacts,
): AssetProfile[] {
  const profiles: AssetProfile[] = [];
  for (const team of teams) {
    const region = team.region ? normaliseRegion(team.region) : undefined;
    team.assets.forEach((asset, assetIndex) => {
      const id = assetId(team.id, assetIndex);
      if (saved) {
        profiles.push(new SavedAssetProfile(id, team, asset, region, saved(profiles.length)));
        return;
      }
      const description = withoutNegatedClauses(asset.description);
      const text = profileText(asset, description);
      const base = { id, team, asset, text, region, description };
      const paediatric = mentionsAny(text, PAEDIATRIC_WORDS);
      profiles.push({
        ...base,
        diseaseEntries: findGlossaryTerms(glossary, text).filter((entry) => entry.category === 'disease'),
        modalities: mentionedKeys(text, MODALITY_WORDS),
        paediatric,
        adultOnly: !paediatric && mentionsAny(text, ADULT_WORDS),
        period: parsePeriodCovered(asset.period, currentYear),
      });
    });
  }
  return profiles;
}

/** The derived facts saved beside the index (asset-profile-file.ts); `text` is rebuilt from them. */
export type SavedFacts = Pick<AssetProfile, 'description' | 'diseaseEntries' | 'modalities' | 'paediatric' | 'adultOnly' | 'period'>;

/**
 * A profile restored from saved facts. Its `text` is only read for the assets a query returns,
 * so it is built then: 300,000 lowercased copies of every description made at each reload were
 * a large share of the reload's memory.
 */
class SavedAssetProfile implements AssetProfile {
  readonly description: string;
  readonly diseaseEntries: GlossaryEntry[];
  readonly modalities: string[];
  readonly paediatric: boolean;
  readonly adultOnly: boolean;
  readonly period?: PeriodCovered;
  private builtText?: string;

  constructor(
    readonly id: string,
    readonly team: CatalogTeam,
    readonly asset: CatalogAsset,
    readonly region: string | undefined,
    facts: SavedFacts,
  ) {
    this.description = facts.description;
    this.diseaseEntries = facts.diseaseEntries;
    this.modalities = facts.modalities;
    this.paediatric = facts.paediatric;
    this.adultOnly = facts.adultOnly;
    this.period = facts.period;
  }

  get text(): string {
    return (this.builtText ??= profileText(this.asset, this.description));
  }
}

function profileText(asset: CatalogAsset, description: string): string {
  let text = asset.title;
  for (const disease of asset.diseases ?? []) text += `\n${disease}`;
  for (const modality of asset.modalities ?? []) text += `\n${modality}`;
  return `${text}\n${description}`.toLowerCase();
}

/**
 * Whether the asset is about the disease entry: the same glossary entry, or a more specific one
 * ("폐암" for a need saying "암", "acute ischaemic stroke" for "stroke"). Not the reverse: an
 * asset about cancer in general does not hold lung cancer.
 */
export function assetHasDisease(profile: AssetProfile, entry: GlossaryEntry): boolean {
  if (profile.diseaseEntries.includes(entry)) return true;
  const needForms = formsOf(entry);
  if (needForms.some((form) => profile.text.includes(form))) return true;
  return profile.diseaseEntries.some((owned) => formsOf(owned).some((form) => needForms.some((needForm) => form.includes(needForm))));
}

export function textHasDisease(text: string, entry: GlossaryEntry): boolean {
  const lowered = text.toLowerCase();
  return formsOf(entry).some((form) => lowered.includes(form) || lowered.replace(/ +/g, '').includes(form.replace(/ +/g, '')));
}

const formsCache = new WeakMap<GlossaryEntry, string[]>();

function formsOf(entry: GlossaryEntry): string[] {
  let forms = formsCache.get(entry);
  if (!forms) {
    // Very short Latin abbreviations (MI, AF) would match inside other words.
    forms = [entry.ko, entry.en, ...entry.aliases].map((form) => form.toLowerCase()).filter((form) => /[가-힣]/.test(form) || form.length >= 4);
    formsCache.set(entry, forms);
  }
  return forms;
}
