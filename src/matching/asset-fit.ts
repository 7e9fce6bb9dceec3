import type { GlossaryEntry } from '../knowledge/glossary.js';
import { assetHasDisease, type AssetProfile } from './asset-profile.js';
import { periodSatisfies } from './need-numbers.js';
import type { ParsedNeed } from './parse-need.js';

/** How one asset fares on each thing the need states; undefined where the need is silent or the asset does not say. */
export interface AssetFit {
  diseases: GlossaryEntry[];
  modality?: boolean;
  dataType?: boolean;
  paediatric?: boolean;
  patients?: boolean;
  period?: boolean;
  cdm?: boolean;
}

/**
 * Added to the fused similarity (0..1) of an asset. A named disease weighs most because a
 * team without it is no match at all; modality and type separate near neighbours such as a
 * stroke CT/MRI archive from a stroke registry.
 */
const BONUS = { disease: 0.35, modality: 0.15, dataType: 0.1, paediatric: 0.15, adultForChild: -0.1, patients: 0.05, period: 0.05, cdm: 0.05 };

export function fitAsset(profile: AssetProfile, need: ParsedNeed, minPatients: number | undefined, wantsCdm: boolean): AssetFit {
  const { asset } = profile;
  return {
    diseases: need.diseases.filter((entry) => assetHasDisease(profile, entry)),
    modality: need.modalities.length > 0 ? need.modalities.some((modality) => profile.modalities.includes(modality)) : undefined,
    dataType: need.dataTypes.length > 0 ? need.dataTypes.includes(asset.type) : undefined,
    paediatric: need.paediatric ? (profile.paediatric ? true : profile.adultOnly ? false : undefined) : undefined,
    patients: minPatients !== undefined && asset.patients !== undefined ? asset.patients >= minPatients : undefined,
    period: need.period && profile.period ? periodSatisfies(profile.period, need.period) : undefined,
    cdm: wantsCdm ? hasCdm(profile) : undefined,
  };
}

export function hasCdm(profile: AssetProfile): boolean | undefined {
  if (profile.asset.type === 'cdm' || profile.asset.cdm === true) return true;
  return profile.asset.cdm;
}

export function fitBonus(fit: AssetFit): number {
  let bonus = fit.diseases.length > 0 ? BONUS.disease : 0;
  if (fit.modality) bonus += BONUS.modality;
  if (fit.dataType) bonus += BONUS.dataType;
  if (fit.paediatric === true) bonus += BONUS.paediatric;
  if (fit.paediatric === false) bonus += BONUS.adultForChild;
  if (fit.patients) bonus += BONUS.patients;
  if (fit.period) bonus += BONUS.period;
  if (fit.cdm) bonus += BONUS.cdm;
  return bonus;
}
