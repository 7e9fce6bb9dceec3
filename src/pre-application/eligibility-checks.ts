import type { Language } from '../conversation/reply.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { companyAgeOutcome, yearsSinceFounding } from '../company-facts/eligibility-rules.js';
import { isInSeoul } from '../company-facts/places.js';

/**
 * Eligibility warnings while the form is filled. They name the rule from program.yaml and
 * never block: a founder moving to Seoul may still want to draft, and staff decide. The rules
 * themselves are decided in src/company-facts, the same as Q&A's eligibility check.
 */
export function locationWarning(location: string, facts: ProgramFacts, language: Language): string | undefined {
  if (isInSeoul(location)) return undefined;
  const rule = facts.eligibility.location[language];
  return language === 'ko'
    ? `⚠️ 지원 자격 확인: 이 사업은 "${rule}"만 지원할 수 있습니다. 입력하신 소재지(${location})는 서울로 확인되지 않습니다. 본사 이전 계획 등은 사업 담당자에게 확인하세요. 작성은 계속할 수 있어요.`
    : `⚠️ Eligibility: the program is for companies "${rule}". I could not confirm that ${location} is in Seoul. If you plan to move, check with the program office. You may go on drafting.`;
}

export function foundedYearWarning(year: number, facts: ProgramFacts, now: Date, language: Language): string | undefined {
  const maxYears = facts.eligibility.max_years_since_founding;
  const age = yearsSinceFounding(year, now);
  // On the boundary the registered date decides; the form warns only when clearly over.
  if (companyAgeOutcome(age, maxYears) !== 'over') return undefined;
  return language === 'ko'
    ? `⚠️ 지원 자격 확인: 설립 후 ${maxYears}년 이내 기업만 지원할 수 있습니다. ${year}년 설립이면 약 ${age}년이 지났습니다. 예외 여부는 사업 담당자에게 확인하세요. 작성은 계속할 수 있어요.`
    : `⚠️ Eligibility: only companies within ${maxYears} years of founding may apply; founded in ${year}, yours is about ${age} years old. Ask the program office about exceptions. You may go on drafting.`;
}
