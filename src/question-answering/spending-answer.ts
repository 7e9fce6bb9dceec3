import type { QuestionAnswer } from '../conversation/capabilities.js';
import type { Language } from '../conversation/reply.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { citationOf } from './cited-sections.js';
import type { KnowledgeSearch } from './knowledge-search.js';
import { listedUseFor, type ListedUse } from './spending-question.js';

/**
 * "Can we spend the grant on X?": names X and says whether it is among the listed uses; when
 * it is not, says so and that the program office decides. Never a bare recital of the amount.
 */
export function spendingAnswer(item: string, uses: ListedUse[], facts: ProgramFacts, language: Language, search: KnowledgeSearch): QuestionAnswer {
  const use = listedUseFor(item, uses);
  const listed = facts.funding.eligible_costs.map((cost) => cost[language]).join(', ');
  const contact = facts.program.contact[language];
  const cap = describeCap(facts.funding.cap_krw, language);
  const lines = language === 'ko'
    ? use
      ? [`네. ${item}은(는) 공고에 나온 지원금 사용처 중 ‘${use.ko}’에 해당합니다.`, `• 지원금(${cap}) 사용처: ${listed}.`, `• 세부 집행 기준(한도, 증빙)은 ${contact}에게 확인하세요.`]
      : [`확인이 필요합니다. ${item}은(는) 공고에 나온 지원금 사용처(${listed})에 없습니다.`, `• 목록에 없는 항목을 쓸 수 있는지는 자료에 나와 있지 않으며, ${contact}이(가) 판단합니다.`, `• 지원금은 ${cap}입니다.`]
    : use
      ? [`Yes: ${item} falls under "${use.en}", one of the listed uses of the grant.`, `• The grant (${cap}) may pay for: ${listed}.`, `• For the detailed spending rules (limits, receipts), ask ${contact}.`]
      : [`To be confirmed: ${item} is not among the listed uses of the grant (${listed}).`, `• Whether an unlisted cost is allowed is not in the documents; ${contact} decides.`, `• The grant is ${cap}.`];
  const section = search.section('funding', 'eligible-costs', language);
  return {
    answer: lines.join('\n'),
    citations: section ? [citationOf(section)] : [],
    outOfScope: false,
    language,
    kind: 'answer',
  };
}

/** 50000000 → "기업당 최대 5천만 원" / "up to 50 million KRW per company". */
function describeCap(krw: number, language: Language): string {
  const tenMillions = krw / 10_000_000;
  const korean = Number.isInteger(tenMillions) ? `${tenMillions}천만 원` : `${krw.toLocaleString('ko-KR')}원`;
  return language === 'ko' ? `기업당 최대 ${korean}` : `up to ${(krw / 1_000_000).toLocaleString('en-US')} million KRW per company`;
}
