import type { BudgetItem, ScheduleStep } from './answers-schema.js';
import type { PlanBlock, PlanInputs } from './plan-document.js';
import { answerBlocks, missing, suggester } from './plan-sections-research.js';
import { formatKrw } from './parse-amount.js';
import { sayIn } from './answer-limits.js';
import { privacyFlags } from './privacy-checks.js';

/** Sections 10–16: privacy, schedule, indicators, budget, outcomes, risks, hospitals. */
export function privacyScheduleBudgetSections(inputs: PlanInputs): PlanBlock[] {
  const { answers, language, facts } = inputs;
  const say = sayIn(language);
  const suggest = suggester(inputs);
  const heading = (ko: string, en: string): PlanBlock => ({ kind: 'heading', level: 2, text: say(ko, en) });
  const sources = inputs.privacySources.length > 0 ? inputs.privacySources.join(', ') : say('개인정보 보호법, 생명윤리법', 'PIPA, Bioethics and Safety Act');
  const flags = privacyFlags(answers, inputs.privacyChecks ?? [], language);
  const blocks: PlanBlock[] = [
    heading('10. 개인정보 보호 및 데이터 관리 계획', '10. Personal-data protection and data management plan'),
    ...answerBlocks(inputs, 'privacyPlan'),
    ...(flags.length > 0 ? [{ kind: 'bullets', items: flags.map((flag) => `⚠️ ${flag.rule}: ${flag.message}`) } as PlanBlock] : []),
    suggest(
      '병원이 가명처리한 정보만 과학적 연구 목적으로 이용합니다(개인정보 보호법 제28조의2). 연구 시작 전 병원 IRB 심의를 받고(생명윤리법 IRB; 식별정보 없이 기존 자료만 쓰면 심의 면제가 가능한지 IRB에 확인), 병원 DRB(데이터심의위원회) 승인 범위 안에서만 데이터를 씁니다. 분석은 병원 내 폐쇄 분석환경에서만 하고 데이터를 반출하지 않으며, 재식별을 시도하지 않고(제28조의5) 추가정보 분리 보관과 처리 기록 보관(제28조의4)을 지킵니다. 연구 종료 후 데이터는 병원 규정에 따라 파기합니다.',
      "We use only information the hospital has pseudonymised, for scientific research (PIPA Art. 28-2). Before starting we obtain the hospital IRB's review (Bioethics and Safety Act IRB; ask the IRB whether an exemption applies to existing records without identifiers) and use data only within the scope the hospital DRB (data review board) approves. Analysis happens only in the hospital's closed analysis environment, with no data export; we never attempt re-identification (Art. 28-5) and follow the rules on keeping additional information apart and keeping processing records (Art. 28-4). Data is destroyed under the hospital's rules when the study ends."),
    { kind: 'note', text: say(`근거: ${sources}. 일반 정보이며 법률 자문이 아닙니다. 최종 판단은 병원 IRB·DRB와 사업 담당자에게 확인하세요.`, `Sources: ${sources}. General information, not legal advice: the hospital IRB/DRB and the program office give the binding answer.`) },
    heading('11. 총 연구기간과 추진 일정', '11. Duration and schedule'),
  ];
  const schedule = Array.isArray(answers.schedule) ? (answers.schedule as ScheduleStep[]) : [];
  if (schedule.length === 0) blocks.push(missing(inputs, 'schedule'));
  else {
    const months = totalMonths(schedule);
    blocks.push({ kind: 'answer', text: months ? say(`총 연구기간: ${months}개월 (협약 후)`, `Total duration: ${months} months (from the agreement)`) : say('총 연구기간: (작성 필요)', 'Total duration: (to be written)') });
    blocks.push({ kind: 'table', header: [say('기간', 'Period'), say('내용', 'Task')], rows: schedule.map((step) => [step.period, step.task]) });
    if (!schedule.some((step) => /IRB|DRB|심의|승인|review|approval/i.test(step.task))) {
      blocks.push(suggest('처음 1~2개월에 IRB 심의와 DRB 승인 기간을 넣으세요. 데이터를 받기까지 수개월 걸릴 수 있습니다.', 'Reserve the first one or two months for IRB review and DRB approval; receiving data can take months.'));
    }
  }
  blocks.push(...indicatorSection(inputs, heading, suggest));
  blocks.push(heading('13. 예산', '13. Budget'));
  const budget = Array.isArray(answers.budget) ? (answers.budget as BudgetItem[]) : [];
  if (budget.length === 0) blocks.push(missing(inputs, 'budget'));
  else {
    const total = budget.reduce((sum, item) => sum + item.amountKrw, 0);
    const cap = facts.funding.cap_krw;
    blocks.push({
      kind: 'table',
      header: [say('항목', 'Item'), say('금액(원)', 'Amount (KRW)')],
      rows: [...budget.map((item) => [item.item, formatKrw(item.amountKrw)]), [say('합계', 'Total'), formatKrw(total)]],
    });
    blocks.push({ kind: 'answer', text: say(
      `지원 한도 ${formatKrw(cap)}원 중 ${formatKrw(total)}원 신청 (${Math.round((total / cap) * 100)}%)${total > cap ? ` — 한도를 ${formatKrw(total - cap)}원 넘습니다` : ''}. 인정 비용: ${facts.funding.eligible_costs.map((cost) => cost.ko).join(', ')}.`,
      `Requested ${formatKrw(total)} KRW of the ${formatKrw(cap)} KRW cap (${Math.round((total / cap) * 100)}%)${total > cap ? ` — ${formatKrw(total - cap)} KRW over the cap` : ''}. Eligible costs: ${facts.funding.eligible_costs.map((cost) => cost.en).join(', ')}.`) });
  }
  blocks.push(heading('14. 기대 효과', '14. Expected outcomes'), ...answerBlocks(inputs, 'expectedOutcomes'));
  blocks.push(heading('15. 위험 요인과 대응', '15. Risks and responses'), {
    kind: 'table',
    header: [say('위험 요인', 'Risk'), say('대응', 'Response')],
    rows: [
      [say('IRB·DRB 승인 지연', 'IRB/DRB approval delayed'), say('착수 직후 신청, 병원 공동연구자와 사전 검토, 일정에 2개월 여유', 'Apply at the start, pre-review with the hospital co-investigator, two months of slack')],
      [say('데이터 품질·결측', 'Data quality and missing values'), say('추출 전 변수 정의서 합의, 전처리 기준 문서화', 'Agree a variable definition before extraction, document pre-processing')],
      [say('표본 부족', 'Too few patients'), say('기간 확대 또는 컨소시엄 내 다른 병원 추가', 'Extend the period or add another hospital in the consortium')],
      ...flags.map((flag) => [flag.rule, flag.message]),
    ],
  }, suggest('과제에 맞는 위험을 더하거나 빼고, 대응을 구체적으로 고치세요.', 'Add or remove risks to fit your project and make each response concrete.'));
  blocks.push(heading('16. 희망 병원', '16. Preferred hospitals'));
  const hospitals = Array.isArray(answers.preferredHospitals) ? (answers.preferredHospitals as string[]) : [];
  blocks.push(hospitals.length > 0 ? { kind: 'bullets', items: hospitals } : { kind: 'answer', text: say('특정 희망 병원 없음 (사업 담당자 매칭)', 'No preference (matched by the program office)') });
  blocks.push({ kind: 'note', text: say('희망 사항이며 최종 매칭은 사업 담당자가 정합니다.', 'A preference only; the program office makes the final match.') });
  return blocks;
}

function indicatorSection(inputs: PlanInputs, heading: (ko: string, en: string) => PlanBlock, suggest: ReturnType<typeof suggester>): PlanBlock[] {
  const say = sayIn(inputs.language);
  const objectives = Array.isArray(inputs.answers.objectives) ? (inputs.answers.objectives as string[]) : [];
  const blocks: PlanBlock[] = [heading('12. 성과지표', '12. Performance indicators')];
  if (objectives.length === 0) return [...blocks, missing(inputs, 'objectives')];
  blocks.push({
    kind: 'table',
    header: [say('성과지표', 'Indicator'), say('목표치', 'Target'), say('측정 방법', 'How measured')],
    rows: objectives.map((objective) => [objective, targetOf(objective) ?? say('(수치 작성 필요)', '(give a number)'), measurementOf(objective, inputs.language)]),
  });
  blocks.push(suggest('측정 방법은 Itda가 지표 이름으로 짐작한 것입니다. 실제 검증 설계에 맞게 고치세요.', "Itda guessed each measurement from the indicator's name; correct it to match your validation design."));
  return blocks;
}

/** "AUROC 0.85 이상" → "0.85 이상"; "cut reading time by 20%" → "20%". A number is a number. */
function targetOf(objective: string): string | undefined {
  const match = /(\d[\d,.]*\s*(?:%|점|건|명|개|배|초|분|개월|곳)?)(\s*(?:이상|이하|미만|초과|단축|향상|or more|or less|or higher|or above))?/.exec(objective);
  return match ? `${match[1]!.trim()}${match[2] ? ` ${match[2].trim()}` : ''}` : undefined;
}

const MEASUREMENTS: [RegExp, { ko: string; en: string }][] = [
  [/AUROC|AUC|민감도|특이도|정확도|sensitivity|specificity|accuracy|F1/i, { ko: '분리된 외부 검증 데이터셋에서 산출 (95% 신뢰구간)', en: 'Computed on a held-out external validation set (95% CI)' }],
  [/시간|time|속도|speed/i, { ko: '도입 전후 판독 시간 비교', en: 'Reading time compared before and after' }],
  [/허가|인허가|식약처|MFDS|FDA|approval|filing/i, { ko: '신청 접수증 또는 허가서', en: 'Filing receipt or approval letter' }],
  [/논문|특허|paper|patent/i, { ko: '게재 확인서·출원 번호', en: 'Acceptance letter or filing number' }],
  [/도입|병원|매출|launch|sales|hospital/i, { ko: '도입 계약서·매출 자료', en: 'Contracts or sales records' }],
];

function measurementOf(objective: string, language: 'ko' | 'en'): string {
  return MEASUREMENTS.find(([pattern]) => pattern.test(objective))?.[1][language] ?? (language === 'ko' ? '(측정 방법 작성 필요)' : '(how it is measured)');
}

/** "1~2개월", "Month 3-5", "6개월" → the last month named, as the total duration. */
function totalMonths(schedule: ScheduleStep[]): number | undefined {
  const months = schedule.flatMap((step) => (/개월|월|month/i.test(step.period) ? [...step.period.matchAll(/\d+/g)].map((match) => Number(match[0])) : []));
  const longest = months.filter((month) => month > 0 && month <= 60);
  return longest.length > 0 ? Math.max(...longest) : undefined;
}
