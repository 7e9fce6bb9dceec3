import type { QuestionAnswer } from '../ports/capabilities.js';
import type { Language } from '../messages/language.js';
import type { SourceRef } from '../ports/reply.js';
import { deadlineStatus, describeDeadline } from '../program/deadline-status.js';
import { PROGRAM_FACTS_FILE, type ProgramFacts } from '../program/program-facts.js';
import { citationOf } from './cited-sections.js';
import { checkEligibility, describeRules, describeVerdict } from './eligibility-check.js';
import type { EligibilityFacts } from '../company-facts/eligibility-facts.js';
import type { KnowledgeSearch } from './knowledge-search.js';
import { text } from '../messages/messages.js';

/** Answers computed from knowledge/program.yaml rather than quoted: dates against today, rule checks. */
function programFactsCitation(facts: ProgramFacts, language: Language, section: string): SourceRef {
  return { source: `knowledge/${PROGRAM_FACTS_FILE}`, title: text(language, 'qa.programFactsTitle'),
 section, asOf: facts.as_of };
}

function sectionCitations(search: KnowledgeSearch, language: Language, sections: [string, string][]): SourceRef[] {
  return sections.flatMap(([topic, id]) => {
    const chunk = search.section(topic, id, language);
    return chunk ? [citationOf(chunk)] : [];
  });
}

export function deadlineAnswer(facts: ProgramFacts, now: Date, language: Language, search: KnowledgeSearch): QuestionAnswer {
  // The "next round" section backs the answer only once the round has closed.
  const sections: [string, string][] = [['schedule', 'deadline-2025']];
  if (deadlineStatus(facts, now).state === 'closed') sections.push(['schedule', 'next-round']);
  return {
    answer: describeDeadline(facts, now, language),
    citations: [programFactsCitation(facts, language, 'rounds'), ...sectionCitations(search, language, sections)],
    outOfScope: false,
    language,
    kind: 'deadline',
  };
}

export function eligibilityAnswer(companyFacts: EligibilityFacts, facts: ProgramFacts, language: Language): QuestionAnswer {
  const verdict = checkEligibility(companyFacts, facts, language);
  return {
    answer: describeVerdict(verdict, facts, language),
    citations: [programFactsCitation(facts, language, 'eligibility')],
    outOfScope: false,
    language,
    kind: 'eligibility',
  };
}

export function rulesAnswer(facts: ProgramFacts, language: Language, search: KnowledgeSearch): QuestionAnswer {
  return {
    answer: describeRules(facts, language),
    citations: [...sectionCitations(search, language, [['eligibility', 'who-can-apply']]), programFactsCitation(facts, language, 'eligibility')],
    outOfScope: false,
    language,
    kind: 'eligibility',
  };
}
