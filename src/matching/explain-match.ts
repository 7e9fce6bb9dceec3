import type { Language } from '../messages/language.js';
import type { Criterion, Verdict } from './match-criteria.js';
import { describePeriodWish } from './need-numbers.js';
import { DATA_TYPE_LABELS, regionLabel } from './need-vocabulary.js';
import { textIn } from '../messages/messages.js';

/** The labels of a match explanation, from knowledge/messages/<language>/matching.yaml; look them up once per ranking and pass them to explainCriteria. */
export function explanationWords(language: Language) {
  const say = textIn(language);
  return {
    verdict: { met: say('matching.verdictMet'), not_met: say('matching.verdictNotMet'), unknown: say('matching.verdictUnknown') } as Record<Verdict, string>,
    disease: say('matching.labelDisease'), data: say('matching.labelData'), population: say('matching.labelPopulation'), patients: say('matching.labelPatients'),
    period: say('matching.labelPeriod'), cdm: say('matching.labelCdm'), region: say('matching.labelRegion'),
    unknown: say('matching.unknown'), yes: say('matching.yes'), no: say('matching.no'), child: say('matching.child'), expertise: say('matching.expertise'), notHeld: say('matching.notHeld'),
    persons: (count: number) => say('matching.persons', { count: count.toLocaleString('en-US') }), needed: say('matching.needed'), nearest: say('matching.nearest'), wanted: say('matching.wanted'),
  };
}

/**
 * The reasons shown with a suggestion, one line per criterion, in the need's language:
 *   질환: 뇌졸중 — 충족 (급성 뇌졸중 CT·MRI 영상 DB)
 *   환자 수: 12,000명 ≥ 5,000명 — 충족        (the same asset is not named twice in a row)
 *   CDM: 알 수 없음
 */
export function explainCriteria(
  criteria: Criterion[],
  language: Language,
  translate: (term: string) => string = (term) => term,
  // Looked up once per ranking, not once per team or line: the lookups were most of explaining's cost.
  words: ExplanationWords = explanationWords(language),
): string[] {
  let named: string | undefined;
  const lines: string[] = [];
  for (const criterion of criteria) {
    // An asset is named once; the lines after it that speak of the same asset leave it out.
    const asset = 'asset' in criterion ? criterion.asset : undefined;
    const line = explainCriterion(asset !== undefined && asset === named ? ({ ...criterion, asset: undefined } as Criterion) : criterion, language, translate, words);
    if (line === undefined) continue;
    if (asset !== undefined) named = asset;
    lines.push(line);
  }
  return lines;
}

export type ExplanationWords = ReturnType<typeof explanationWords>;

function explainCriterion(criterion: Criterion, language: Language, translate: (term: string) => string, words: ExplanationWords): string | undefined {
  const verdict = (value: Verdict | undefined, asset?: string) => (value ? ` — ${words.verdict[value]}${asset ? ` (${asset})` : ''}` : asset ? ` (${asset})` : '');
  switch (criterion.kind) {
    case 'disease': {
      if (!criterion.verdict) return criterion.held.length > 0 ? `${words.disease}: ${criterion.held.slice(0, 3).map(translate).join(', ')}${verdict(undefined, criterion.asset)}` : undefined;
      const wanted = criterion.wanted.map((entry) => (language === 'ko' ? entry.ko : entry.en)).join(', ');
      const where = criterion.verdict === 'met' ? (criterion.viaExpertise ? words.expertise : criterion.asset) : words.notHeld;
      return `${words.disease}: ${wanted}${verdict(criterion.verdict, where)}`;
    }
    case 'data': {
      const held = [DATA_TYPE_LABELS[criterion.type ?? 'other']?.[language] ?? criterion.type, criterion.modalities.map(translate).join(', ')].filter(Boolean).join(' · ');
      if (!criterion.verdict) return `${words.data}: ${held}${verdict(undefined, criterion.asset)}`;
      const wanted = criterion.wantedModalities.length > 0 ? criterion.wantedModalities.join(', ') : criterion.wantedTypes.map((type) => DATA_TYPE_LABELS[type]?.[language] ?? type).join(', ');
      if (criterion.verdict === 'met') return `${words.data}: ${wanted}${verdict('met', criterion.asset)}`;
      return `${words.data}: ${wanted}${verdict('not_met')} (${words.nearest}: ${held})`;
    }
    case 'population':
      return `${words.population}: ${words.child}${verdict(criterion.verdict, criterion.verdict === 'unknown' ? undefined : criterion.asset)}`;
    case 'patients': {
      if (criterion.wanted === undefined) {
        return `${words.patients}: ${criterion.patients === undefined ? words.unknown : words.persons(criterion.patients)}${verdict(undefined, criterion.asset)}`;
      }
      const wanted = words.persons(criterion.wanted);
      if (criterion.patients === undefined) return `${words.patients}: ${wanted} ${words.needed}${verdict('unknown')}`;
      const comparison = criterion.patients >= criterion.wanted ? '≥' : '<';
      return `${words.patients}: ${words.persons(criterion.patients)} ${comparison} ${wanted}${verdict(criterion.verdict, criterion.asset)}`;
    }
    case 'period': {
      const held = criterion.period ?? words.unknown;
      if (!criterion.wanted) return `${words.period}: ${held}${verdict(undefined, criterion.asset)}`;
      const wanted = describePeriodWish(criterion.wanted, language);
      if (!criterion.period) return `${words.period}: ${wanted} ${words.needed}${verdict('unknown')}`;
      return `${words.period}: ${held} (${words.wanted}: ${wanted})${verdict(criterion.verdict, criterion.asset)}`;
    }
    case 'cdm': {
      if (criterion.cdm === undefined) return `${words.cdm}: ${words.unknown}`;
      const held = criterion.cdm ? words.yes : words.no;
      return `${words.cdm}: ${held}${verdict(criterion.verdict, criterion.asset)}`;
    }
    case 'region': {
      const held = criterion.region ? regionLabel(criterion.region, language) : words.unknown;
      if (!criterion.wanted) return `${words.region}: ${held}`;
      if (!criterion.region) return `${words.region}: ${words.unknown}`;
      const wanted = criterion.verdict === 'not_met' ? ` (${words.wanted}: ${regionLabel(criterion.wanted, language)})` : '';
      return `${words.region}: ${held}${wanted}${verdict(criterion.verdict)}`;
    }
  }
}
