import { detectLanguage } from '../messages/detect-language.js';
import type { Language } from '../messages/language.js';
import { expandWithGlossary, findGlossaryTerms, type Glossary, type GlossaryEntry } from '../knowledge/glossary.js';
import { parsePatientMinimum } from '../korean-numbers/patient-counts.js';
import { CDM_WORDS_OF_NEED, parsePeriodWish, type PeriodWish } from './need-numbers.js';
import { BROAD_DISEASES, DATA_TYPE_WORDS, MODALITY_WORDS, NOT_A_DISEASE, PAEDIATRIC_WORDS, REGIONS, mentionedKeys, mentions, mentionsAny } from './need-vocabulary.js';

export type { PeriodWish } from './need-numbers.js';

/** What a staff member's or applicant's need asks for, as far as the words say. */
export interface ParsedNeed {
  text: string;
  language: Language;
  /** Glossary entries of the disease category the need names; a team must hold one of them. */
  diseases: GlossaryEntry[];
  /** Asset types the wording points at (imaging for "영상", biosignal for "ECG"). */
  dataTypes: string[];
  /** Modalities named (CT, MRI, ECG …), keys of MODALITY_WORDS. */
  modalities: string[];
  paediatric: boolean;
  minPatients?: number;
  period?: PeriodWish;
  wantsCdm: boolean;
  /** Korean region names mentioned ("부산 지역", "in Busan"). */
  regions: string[];
  /** Glossary translations and synonyms, so an English need reaches Korean assets and back. */
  expansions: string[];
}

export function parseNeed(need: string, glossary: Glossary, currentYear: number): ParsedNeed {
  const lowered = need.toLowerCase();
  const terms = findGlossaryTerms(glossary, need);
  const diseases = terms.filter((entry) => entry.category === 'disease' && !NOT_A_DISEASE.has(entry.en.toLowerCase()));
  const specific = diseases.filter((entry) => !BROAD_DISEASES.has(entry.en.toLowerCase()));
  return {
    text: need,
    language: detectLanguage(need),
    diseases: specific.length > 0 ? specific : diseases,
    dataTypes: mentionedKeys(lowered, DATA_TYPE_WORDS).filter((type) => type !== 'cdm'),
    modalities: mentionedKeys(lowered, MODALITY_WORDS),
    paediatric: mentionsAny(lowered, PAEDIATRIC_WORDS),
    minPatients: parsePatientMinimum(need),
    period: parsePeriodWish(need, currentYear),
    wantsCdm: mentionsAny(lowered, CDM_WORDS_OF_NEED),
    regions: regionsNamed(lowered),
    expansions: expandWithGlossary(glossary, need),
  };
}

/**
 * Regions named as places. "서울대병원" names a hospital in Seoul, which is fine, but the
 * program's own names (서울바이오허브, 서울시) say nothing about where the data should be.
 */
function regionsNamed(lowered: string): string[] {
  const withoutProgramNames = lowered.replace(/서울\s*(바이오\s*허브|시|특별시)|seoul\s*(biohub|bio hub|city|metropolitan)/g, ' ');
  return REGIONS.filter((region) => mentions(withoutProgramNames, region.ko) || region.en.some((name) => mentions(withoutProgramNames, name))).map(
    (region) => region.ko,
  );
}
