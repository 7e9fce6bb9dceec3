import type { BudgetItem, ScheduleStep } from './answers-schema.js';
import type { PlanBlock, PlanInputs } from './plan-blocks.js';
import { answerBlocks, missing, suggester } from './plan-sections-research.js';
import { formatKrw } from '../korean-numbers/amounts.js';
import { textIn } from '../messages/messages.js';
import { privacyFlags } from './privacy-checks.js';

/** Sections 10–16: privacy, schedule, indicators, budget, outcomes, risks, hospitals. */
export function privacyScheduleBudgetSections(inputs: PlanInputs): PlanBlock[] {
  const { answers, language, facts } = inputs;
  const say = textIn(language);
  const suggest = suggester(inputs);
  const heading = (key: string): PlanBlock => ({ kind: 'heading', level: 2, text: say(key) });
  const sources = inputs.privacySources.length > 0 ? inputs.privacySources.join(', ') : say('plan.pipaBioethicsAndSafety');
  const flags = privacyFlags(answers, inputs.privacyChecks ?? [], language);
  const blocks: PlanBlock[] = [
    heading('plan.headingPersonalDataProtectionAnd'),
    ...answerBlocks(inputs, 'privacyPlan'),
    ...(flags.length > 0 ? [{ kind: 'bullets', items: flags.map((flag) => `⚠️ ${flag.rule}: ${flag.message}`) } as PlanBlock] : []),
    suggest('plan.suggestWeUseOnlyInformation'),
    { kind: 'note', text: say('plan.privacySourcesNote', { sources }) },
    heading('plan.headingDurationAndSchedule'),
  ];
  const schedule = Array.isArray(answers.schedule) ? (answers.schedule as ScheduleStep[]) : [];
  if (schedule.length === 0) blocks.push(missing(inputs, 'schedule'));
  else {
    const months = totalMonths(schedule);
    blocks.push({ kind: 'answer', text: months ? say('plan.totalDuration', { months }) : say('plan.totalDurationToBe') });
    blocks.push({ kind: 'table', header: [say('plan.period'), say('plan.task')], rows: schedule.map((step) => [step.period, step.task]) });
    if (!schedule.some((step) => /IRB|DRB|심의|승인|review|approval/i.test(step.task))) {
      blocks.push(suggest('plan.suggestReserveTheFirstOne'));
    }
  }
  blocks.push(...indicatorSection(inputs, heading, suggest));
  blocks.push(heading('plan.headingBudget'));
  const budget = Array.isArray(answers.budget) ? (answers.budget as BudgetItem[]) : [];
  if (budget.length === 0) blocks.push(missing(inputs, 'budget'));
  else {
    const total = budget.reduce((sum, item) => sum + item.amountKrw, 0);
    const cap = facts.funding.cap_krw;
    blocks.push({
      kind: 'table',
      header: [say('plan.item'), say('plan.amountKrw')],
      rows: [...budget.map((item) => [item.item, formatKrw(item.amountKrw)]), [say('plan.total'), formatKrw(total)]],
    });
    blocks.push({ kind: 'answer', text: say('plan.budgetRequested', {
      cap: formatKrw(cap),
      total: formatKrw(total),
      percent: Math.round((total / cap) * 100),
      over: total > cap ? say('plan.budgetOver', { over: formatKrw(total - cap) }) : '',
      costs: facts.funding.eligible_costs.map((cost) => cost[language]).join(', '),
    }) });
  }
  blocks.push(heading('plan.headingExpectedOutcomes'), ...answerBlocks(inputs, 'expectedOutcomes'));
  blocks.push(heading('plan.headingRisksAndResponses'), {
    kind: 'table',
    header: [say('plan.risk'), say('plan.response')],
    rows: [
      [say('plan.irbDrbApprovalDelayed'), say('plan.applyAtTheStart')],
      [say('plan.dataQualityAndMissing'), say('plan.agreeAVariableDefinition')],
      [say('plan.tooFewPatients'), say('plan.extendThePeriodOr')],
      ...flags.map((flag) => [flag.rule, flag.message]),
    ],
  }, suggest('plan.suggestAddOrRemoveRisks'));
  blocks.push(heading('plan.headingPreferredHospitals'));
  const hospitals = Array.isArray(answers.preferredHospitals) ? (answers.preferredHospitals as string[]) : [];
  blocks.push(hospitals.length > 0 ? { kind: 'bullets', items: hospitals } : { kind: 'answer', text: say('plan.noPreferenceMatchedBy') });
  blocks.push({ kind: 'note', text: say('plan.aPreferenceOnlyThe') });
  return blocks;
}

function indicatorSection(inputs: PlanInputs, heading: (key: string) => PlanBlock, suggest: ReturnType<typeof suggester>): PlanBlock[] {
  const say = textIn(inputs.language);
  const objectives = Array.isArray(inputs.answers.objectives) ? (inputs.answers.objectives as string[]) : [];
  const blocks: PlanBlock[] = [heading('plan.headingPerformanceIndicators')];
  if (objectives.length === 0) return [...blocks, missing(inputs, 'objectives')];
  blocks.push({
    kind: 'table',
    header: [say('plan.indicator'), say('plan.target'), say('plan.howMeasured')],
    rows: objectives.map((objective) => [objective, targetOf(objective) ?? say('plan.giveANumber'), measurementOf(objective, inputs.language)]),
  });
  blocks.push(suggest('plan.suggestItdaGuessedEachMeasurement'));
  return blocks;
}

/** "AUROC 0.85 이상" → "0.85 이상"; "cut reading time by 20%" → "20%". A number is a number. */
function targetOf(objective: string): string | undefined {
  const match = /(\d[\d,.]*\s*(?:%|점|건|명|개|배|초|분|개월|곳)?)(\s*(?:이상|이하|미만|초과|단축|향상|or more|or less|or higher|or above))?/.exec(objective);
  return match ? `${match[1]!.trim()}${match[2] ? ` ${match[2].trim()}` : ''}` : undefined;
}

/** How an indicator is measured, guessed from its name; the wording is in plan.yaml. */
const MEASUREMENTS: [RegExp, string][] = [
  [/AUROC|AUC|민감도|특이도|정확도|sensitivity|specificity|accuracy|F1/i, 'plan.measureValidationSet'],
  [/시간|time|속도|speed/i, 'plan.measureReadingTime'],
  [/허가|인허가|식약처|MFDS|FDA|approval|filing/i, 'plan.measureFiling'],
  [/논문|특허|paper|patent/i, 'plan.measurePublication'],
  [/도입|병원|매출|launch|sales|hospital/i, 'plan.measureAdoption'],
];

function measurementOf(objective: string, language: 'ko' | 'en'): string {
  return textIn(language)(MEASUREMENTS.find(([pattern]) => pattern.test(objective))?.[1] ?? 'plan.howMeasuredMissing');
}

/** "1~2개월", "Month 3-5", "6개월" → the last month named, as the total duration. */
function totalMonths(schedule: ScheduleStep[]): number | undefined {
  const months = schedule.flatMap((step) => (/개월|월|month/i.test(step.period) ? [...step.period.matchAll(/\d+/g)].map((match) => Number(match[0])) : []));
  const longest = months.filter((month) => month > 0 && month <= 60);
  return longest.length > 0 ? Math.max(...longest) : undefined;
}
