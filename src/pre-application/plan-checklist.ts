import type { Language } from '../messages/language.js';
import type { ProgramFacts } from '../program/program-facts.js';
import type { BudgetItem, DataNeed, PartialAnswers, ScheduleStep } from './answers-schema.js';
import type { FormDefinition } from './form-definition.js';
import { missingRequired } from './form-state.js';
import { foundedYearWarning, locationWarning } from './eligibility-checks.js';
import { formatKrw } from '../korean-numbers/amounts.js';
import { textIn } from '../messages/messages.js';
import type { MessageVars } from '../messages/messages.js';
import { privacyFlags, type PrivacyCheck } from './privacy-checks.js';

export interface ChecklistItem {
  severity: 'missing' | 'weak' | 'eligibility';
  text: string;
}

const MENTIONS = {
  irb: /IRB|생명윤리|기관생명윤리/i,
  drb: /DRB|데이터\s*심의|data review board/i,
  pseudonymised: /가명|비식별|익명|pseudonym|de-?identif|anonymi/i,
  closedEnvironment: /폐쇄|안심|분석\s*환경|반출|closed|secure (analysis )?environment|enclave|on-?premise/i,
  review: /IRB|DRB|심의|승인|review|approval/i,
  eligibleCost: /가공|자문|이용료|데이터|법률|컨설팅|processing|advi[cs]|fee|legal|consult|data/i,
};

/**
 * What a reviewer would ask about: missing fields, and answers that are there but weak
 * (no IRB plan, no data size, budget not itemised …). Shown under the draft and on submit.
 */
export function planChecklist(form: FormDefinition, facts: ProgramFacts, answers: PartialAnswers, language: Language, now: Date, privacyChecks: PrivacyCheck[] = []): ChecklistItem[] {
  const say = textIn(language);
  const items: ChecklistItem[] = missingRequired(form, answers).map((field) => ({
    severity: 'missing',
    text: say('plan.checklistMissing', { label: field.label[language] }),
  }));
  const weak = (key: string, vars?: MessageVars) => items.push({ severity: 'weak', text: say(key, vars) });
  const privacy = typeof answers.privacyPlan === 'string' ? answers.privacyPlan : undefined;
  if (privacy !== undefined) {
    if (!MENTIONS.irb.test(privacy)) weak('plan.weakNoIrbInstitutionalReview');
    if (!MENTIONS.drb.test(privacy)) weak('plan.weakNoPlanForThe');
    if (!MENTIONS.pseudonymised.test(privacy)) weak('plan.weakNoPseudonymisationMethod');
    if (!MENTIONS.closedEnvironment.test(privacy)) weak('plan.weakNoAnalysisEnvironmentClosed');
  }
  const needs = Array.isArray(answers.dataNeeds) ? (answers.dataNeeds as DataNeed[]) : [];
  if (needs.length > 0 && !needs.some((need) => need.minPatients)) weak('plan.weakNoDataSizeNumber');
  if (needs.length > 0 && !needs.some((need) => need.period)) weak('plan.weakNoDataPeriod');
  const objectives = Array.isArray(answers.objectives) ? (answers.objectives as string[]) : [];
  if (objectives.length > 0 && !objectives.some((objective) => /\d/.test(objective))) weak('plan.weakNoObjectiveHasA');
  const schedule = Array.isArray(answers.schedule) ? (answers.schedule as ScheduleStep[]) : [];
  if (schedule.length > 0 && !schedule.some((step) => MENTIONS.review.test(step.task))) weak('plan.weakTheScheduleHasNo');
  const budget = Array.isArray(answers.budget) ? (answers.budget as BudgetItem[]) : [];
  if (budget.length === 1) weak('plan.weakTheBudgetIsNot');
  for (const item of budget.filter((entry) => !MENTIONS.eligibleCost.test(entry.item))) {
    const costs = facts.funding.eligible_costs.map((cost) => cost[language]).join(', ');
    weak('plan.weakCheckEligibleCost', { item: item.item, costs });
  }
  const total = budget.reduce((sum, item) => sum + item.amountKrw, 0);
  if (total > facts.funding.cap_krw) items.push({ severity: 'missing', text: say('plan.budgetOverCap', { total: formatKrw(total), cap: formatKrw(facts.funding.cap_krw) }) });
  if (!answers.contact) weak('plan.weakNoContactPerson');
  const company = (answers.company ?? {}) as { location?: string; foundedYear?: number };
  const warnings = [
    company.location ? locationWarning(company.location, facts, language) : undefined,
    company.foundedYear ? foundedYearWarning(company.foundedYear, facts, now, language) : undefined,
  ];
  for (const warning of warnings) if (warning) items.push({ severity: 'eligibility', text: warning.replace(/^⚠️\s*/, '') });
  // Privacy rules a reviewer would reject the plan for come first among the weak points.
  for (const flag of privacyFlags(answers, privacyChecks, language)) items.push({ severity: 'weak', text: `${flag.rule}: ${flag.message}` });
  return items;
}
