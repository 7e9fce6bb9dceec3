import type { QuestionAnswer } from '../ports/capabilities.js';
import type { Language } from '../messages/language.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { citationOf } from './cited-sections.js';
import { withParticleIn } from '../messages/korean-particle.js';
import type { KnowledgeSearch } from './knowledge-search.js';
import { listedUseFor, type ListedUse } from './spending-question.js';
import { text } from '../messages/messages.js';
import { writeAmountIn } from '../korean-numbers/amounts.js';

/**
 * "Can we spend the grant on X?": names X and says whether it is among the listed uses; when
 * it is not, says so and that the program office decides. Never a bare recital of the amount.
 */
export function spendingAnswer(item: string, uses: ListedUse[], facts: ProgramFacts, language: Language, search: KnowledgeSearch): QuestionAnswer {
  const use = listedUseFor(item, uses);
  const listed = facts.funding.eligible_costs.map((cost) => cost[language]).join(', ');
  const contact = facts.program.contact[language];
  const cap = describeCap(facts.funding.cap_krw, language);
  const answer = use
    ? text(language, 'qa.spendingListed', { itemTopic: withParticleIn(language, item, '은/는'), use: use[language], cap, listed, contact })
    : text(language, 'qa.spendingNotListed', { itemTopic: withParticleIn(language, item, '은/는'), cap, listed, contactSubject: withParticleIn(language, contact, '이/가') });
  const section = search.section('funding', 'eligible-costs', language);
  return {
    answer,
    citations: section ? [citationOf(section)] : [],
    outOfScope: false,
    language,
    kind: 'answer',
  };
}

/** 50000000 → "기업당 최대 5천만 원" / "up to 50 million KRW per company". */
function describeCap(krw: number, language: Language): string {
  // Number formatting, not wording: written so the shared amount reader reads it back as krw.
  const amount = writeAmountIn(language, krw);
  return text(language, 'qa.grantCap', { amount });
}

