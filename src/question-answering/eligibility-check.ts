import type { Language } from '../conversation/reply.js';
import { latestRound, type ProgramFacts } from '../program/program-facts.js';
import type { EligibilityFacts } from '../company-facts/eligibility-facts.js';
import { placeInEnglish } from '../company-facts/places.js';
import { companyAgeOutcome, locationOutcome } from '../company-facts/eligibility-rules.js';

export type RuleOutcome = 'met' | 'not_met' | 'unknown';

export interface RuleCheck {
  rule: 'location' | 'company_type' | 'company_age';
  outcome: RuleOutcome;
  /** One line for the answer, in the asker's language. */
  line: string;
  /** What to ask the founder when the outcome is unknown. */
  missing?: string;
}

export interface EligibilityVerdict {
  outcome: 'eligible' | 'not_eligible' | 'cannot_tell';
  checks: RuleCheck[];
}

const MARK: Record<RuleOutcome, string> = { met: '✅', not_met: '❌', unknown: '❔' };

/** The stated facts against each rule in knowledge/program.yaml: met, not met or unknown. */
export function checkEligibility(facts: EligibilityFacts, program: ProgramFacts, language: Language): EligibilityVerdict {
  const checks = [locationCheck(facts, program, language), companyTypeCheck(facts, program, language), ageCheck(facts, program, language)];
  const outcome = checks.some((check) => check.outcome === 'not_met')
    ? 'not_eligible'
    : checks.every((check) => check.outcome === 'met')
      ? 'eligible'
      : 'cannot_tell';
  return { outcome, checks };
}

export function describeVerdict(verdict: EligibilityVerdict, program: ProgramFacts, language: Language): string {
  const round = latestRound(program);
  const headline = {
    ko: { eligible: '조건을 모두 충족하는 것으로 보입니다', not_eligible: '지원 대상이 아닌 것으로 보입니다', cannot_tell: '아직 판단할 수 없습니다' },
    en: { eligible: 'you appear to meet every condition', not_eligible: 'you do not appear to be eligible', cannot_tell: 'cannot tell yet' },
  }[language][verdict.outcome];
  const missing = verdict.checks.flatMap((check) => (check.missing ? [check.missing] : []));
  const lines = [
    language === 'ko'
      ? `*지원 자격 점검: ${headline}* (${round.name.ko} 기준)`
      : `*Eligibility check: ${headline}* (rules of the ${round.name.en})`,
    ...verdict.checks.map((check) => `• ${MARK[check.outcome]} ${check.line}`),
  ];
  if (missing.length > 0) lines.push(language === 'ko' ? `더 알려 주세요: ${missing.join(', ')}.` : `Tell me also: ${missing.join(', ')}.`);
  lines.push(
    language === 'ko'
      ? `최종 판단은 ${program.program.contact.ko}에게 확인하세요.`
      : `For a binding answer, ask ${program.program.contact.en}.`,
  );
  return lines.join('\n');
}

/** The rules alone, for "/itda eligibility" without company facts. */
export function describeRules(program: ProgramFacts, language: Language): string {
  const rules = program.eligibility;
  const years = rules.max_years_since_founding;
  return language === 'ko'
    ? [
        '*지원 자격* (세 가지 모두 충족해야 합니다)',
        `• ${rules.location.ko}(서울 25개 자치구 어디든)`,
        `• ${rules.company_types.ko}`,
        `• 설립 ${years}년 이내`,
        `우대: ${rules.priority.ko}.`,
        '애매하면 사업자등록증(소재지), 법인 등기(설립일), 중소기업·벤처기업 확인서(기업 유형)를 먼저 확인하세요.',
        '회사 정보를 알려 주시면 조건별로 점검해 드립니다. 예: `/itda eligibility 2019년 설립, 성동구, AI 중소기업`',
      ].join('\n')
    : [
        '*Who can apply* (all three conditions)',
        `• ${rules.location.en} (any of Seoul's 25 districts)`,
        `• ${rules.company_types.en}`,
        `• Within ${years} years of founding`,
        `${rules.priority.en}.`,
        'If unsure, check the business registration (address), the corporate register (founding date) and an SME or venture confirmation (company type).',
        'Tell me about your company and I will check each rule, e.g. `/itda eligibility founded 2019, Seongdong-gu, AI SME`',
      ].join('\n');
}

function locationCheck(facts: EligibilityFacts, program: ProgramFacts, language: Language): RuleCheck {
  const rule = language === 'ko' ? program.eligibility.location.ko : program.eligibility.location.en;
  const named = (place: string) => (language === 'en' ? placeInEnglish(place) : place);
  const inSeoul = facts.places.filter((place) => place.inSeoul).map((place) => named(place.place));
  const outside = facts.places.filter((place) => !place.inSeoul).map((place) => named(place.place));
  const outcome = locationOutcome(facts.places);
  if (outcome === 'not_given') {
    return { rule: 'location', outcome: 'unknown', line: `${rule}: ${language === 'ko' ? '소재지를 알려 주지 않았습니다' : 'location not given'}`, missing: language === 'ko' ? '회사 소재지(구·시)' : "the company's location (district or city)" };
  }
  if (outcome === 'in_seoul') {
    return { rule: 'location', outcome: 'met', line: language === 'ko' ? `${rule}: ${inSeoul.join('·')}은(는) 서울입니다` : `${rule}: ${inSeoul.join(', ')} is in Seoul` };
  }
  if (outcome === 'outside_seoul') {
    return {
      rule: 'location',
      outcome: 'not_met',
      line: language === 'ko' ? `${rule}: ${outside.join('·')}은(는) 서울 밖입니다` : `${rule}: ${outside.join(', ')} is outside Seoul`,
    };
  }
  return {
    rule: 'location',
    outcome: 'unknown',
    line: language === 'ko'
      ? `${rule}: 서울과 서울 밖(${outside.join('·')})이 함께 있습니다. 본사와 지점 중 어느 주소를 보는지는 자료에 없습니다`
      : `${rule}: both Seoul and a place outside Seoul (${outside.join(', ')}); which address counts is not in the documents`,
    missing: language === 'ko' ? '사업자등록증상 본사 소재지' : 'the head-office address on the business registration',
  };
}

function companyTypeCheck(facts: EligibilityFacts, program: ProgramFacts, language: Language): RuleCheck {
  const rule = language === 'ko' ? program.eligibility.company_types.ko : program.eligibility.company_types.en;
  const { size, field } = facts;
  const ko = language === 'ko';
  if (size?.kind === 'large') return { rule: 'company_type', outcome: 'not_met', line: ko ? `${rule}: ${size.said}은(는) 대상이 아닙니다` : `${rule}: a ${size.said} is not eligible` };
  if (field?.kind === 'other') return { rule: 'company_type', outcome: 'not_met', line: ko ? `${rule}: ${field.said} 분야는 보건·의료 분야가 아닙니다` : `${rule}: ${field.said} is not a health/medical field` };
  const sizeMissing = ko ? '중소기업·벤처기업 여부' : 'whether you are an SME or a venture company';
  const fieldMissing = ko ? '보건·의료(바이오) 분야인지' : 'whether your field is health/medical (bio)';
  if (!size && !field) return { rule: 'company_type', outcome: 'unknown', line: `${rule}: ${ko ? '기업 유형을 알려 주지 않았습니다' : 'company type not given'}`, missing: ko ? `기업 유형(${sizeMissing}, ${fieldMissing})` : `${sizeMissing}, and ${fieldMissing}` };
  if (!size) return { rule: 'company_type', outcome: 'unknown', line: `${rule}: ${ko ? `${field!.said} 분야, 기업 규모는 모름` : `${field!.said} field, size not given`}`, missing: sizeMissing };
  if (!field || field.kind === 'ai') {
    const said = [field?.said, size.said].filter(Boolean).join(' ');
    return { rule: 'company_type', outcome: 'unknown', line: `${rule}: ${ko ? `${said} — 보건·의료 분야인지 확인 필요` : `${said}: is it health/medical work?`}`, missing: fieldMissing };
  }
  const startupNote = size.kind === 'startup' ? (ko ? ' (스타트업은 보통 중소기업 확인서로 증명합니다)' : ' (a startup usually shows this with an SME confirmation)') : '';
  return { rule: 'company_type', outcome: 'met', line: `${rule}: ${field.said} ${size.said}${startupNote}` };
}

function ageCheck(facts: EligibilityFacts, program: ProgramFacts, language: Language): RuleCheck {
  const limit = program.eligibility.max_years_since_founding;
  const ko = language === 'ko';
  const rule = ko ? `설립 ${limit}년 이내` : `Within ${limit} years of founding`;
  const founding = facts.founding;
  if (!founding) return { rule: 'company_age', outcome: 'unknown', line: `${rule}: ${ko ? '설립 연도를 알려 주지 않았습니다' : 'founding year not given'}`, missing: ko ? '설립 연도' : 'the founding year' };
  const age = founding.fromYear ? (ko ? `${founding.fromYear}년 설립, 약 ${founding.years}년` : `founded ${founding.fromYear}, about ${founding.years} years`) : (ko ? `설립 ${founding.years}년` : `${founding.years} years old`);
  const ageOutcome = companyAgeOutcome(founding.years, limit);
  if (ageOutcome === 'over') return { rule: 'company_age', outcome: 'not_met', line: `${rule}: ${age} — ${ko ? `${limit}년을 넘습니다` : `more than ${limit} years`}` };
  if (ageOutcome === 'boundary') {
    return { rule: 'company_age', outcome: 'unknown', line: `${rule}: ${age} — ${ko ? '경계에 있습니다. 법인 등기상 설립일로 확인하세요' : 'on the boundary; check the registered founding date'}`, missing: ko ? '정확한 설립일' : 'the exact founding date' };
  }
  return { rule: 'company_age', outcome: 'met', line: `${rule}: ${age} — ${ko ? `${limit}년 이내입니다` : `within ${limit} years`}` };
}
