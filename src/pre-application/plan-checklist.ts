import type { Language } from '../conversation/reply.js';
import type { ProgramFacts } from '../program/program-facts.js';
import type { BudgetItem, DataNeed, PartialAnswers, ScheduleStep } from './answers-schema.js';
import type { FormDefinition } from './form-definition.js';
import { missingRequired } from './form-state.js';
import { foundedYearWarning, locationWarning } from './eligibility-checks.js';
import { formatKrw } from './parse-amount.js';
import { sayIn } from './answer-limits.js';
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
  const say = sayIn(language);
  const items: ChecklistItem[] = missingRequired(form, answers).map((field) => ({
    severity: 'missing',
    text: say(`미작성: ${field.label.ko}`, `Missing: ${field.label.en}`),
  }));
  const weak = (ko: string, en: string) => items.push({ severity: 'weak', text: say(ko, en) });
  const privacy = typeof answers.privacyPlan === 'string' ? answers.privacyPlan : undefined;
  if (privacy !== undefined) {
    if (!MENTIONS.irb.test(privacy)) weak('IRB(기관생명윤리위원회) 심의 계획이 없습니다.', 'No IRB (institutional review board) plan.');
    if (!MENTIONS.drb.test(privacy)) weak('병원 DRB(데이터심의위원회) 심의 계획이 없습니다.', "No plan for the hospital's DRB (data review board).");
    if (!MENTIONS.pseudonymised.test(privacy)) weak('가명처리 방법이 없습니다.', 'No pseudonymisation method.');
    if (!MENTIONS.closedEnvironment.test(privacy)) weak('분석 환경(병원 내 폐쇄 환경, 반출 금지)이 없습니다.', 'No analysis environment (closed, inside the hospital, no export).');
  }
  const needs = Array.isArray(answers.dataNeeds) ? (answers.dataNeeds as DataNeed[]) : [];
  if (needs.length > 0 && !needs.some((need) => need.minPatients)) weak('필요한 데이터 규모(환자 수)가 없습니다.', 'No data size (number of patients).');
  if (needs.length > 0 && !needs.some((need) => need.period)) weak('데이터 기간이 없습니다.', 'No data period.');
  const objectives = Array.isArray(answers.objectives) ? (answers.objectives as string[]) : [];
  if (objectives.length > 0 && !objectives.some((objective) => /\d/.test(objective))) weak('연구 목표에 측정할 수 있는 수치가 없습니다.', 'No objective has a measurable number.');
  const schedule = Array.isArray(answers.schedule) ? (answers.schedule as ScheduleStep[]) : [];
  if (schedule.length > 0 && !schedule.some((step) => MENTIONS.review.test(step.task))) weak('일정에 IRB·DRB 심의 기간이 없습니다 (수개월 걸릴 수 있어요).', 'The schedule has no time for IRB/DRB review (it can take months).');
  const budget = Array.isArray(answers.budget) ? (answers.budget as BudgetItem[]) : [];
  if (budget.length === 1) weak('예산이 항목별로 나뉘어 있지 않습니다.', 'The budget is not itemised.');
  for (const item of budget.filter((entry) => !MENTIONS.eligibleCost.test(entry.item))) {
    const costs = facts.funding.eligible_costs.map((cost) => cost[language]).join(', ');
    weak(`예산 "${item.item}"이(가) 인정 비용(${costs})인지 확인하세요.`, `Check that "${item.item}" is an eligible cost (${costs}).`);
  }
  const total = budget.reduce((sum, item) => sum + item.amountKrw, 0);
  if (total > facts.funding.cap_krw) items.push({ severity: 'missing', text: say(`예산 합계 ${formatKrw(total)}원이 한도 ${formatKrw(facts.funding.cap_krw)}원을 넘습니다.`, `The budget total ${formatKrw(total)} KRW exceeds the ${formatKrw(facts.funding.cap_krw)} KRW cap.`) });
  if (!answers.contact) weak('연락 담당자가 없습니다.', 'No contact person.');
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
