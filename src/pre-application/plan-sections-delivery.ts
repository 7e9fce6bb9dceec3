import type { BudgetItem, ScheduleStep } from './answers-schema.js';
import { suggestionPrefix, type PlanBlock, type PlanInputs } from './plan-document.js';
import { answerOrMissing } from './plan-sections-research.js';
import { formatKrw } from './parse-amount.js';
import { sayIn } from './answer-limits.js';

/** Sections 6–9: privacy and security, schedule, budget, outcomes and commercialisation. */
export function privacyScheduleBudgetSections(inputs: PlanInputs): PlanBlock[] {
  const { answers, language, facts } = inputs;
  const say = sayIn(language);
  const suggest = (ko: string, en: string): PlanBlock => ({ kind: 'suggestion', text: `${suggestionPrefix(language)} ${say(ko, en)}` });
  const sources = inputs.privacySources.length > 0 ? inputs.privacySources.join(', ') : say('개인정보 보호법, 생명윤리법', 'PIPA, Bioethics and Safety Act');
  const blocks: PlanBlock[] = [
    { kind: 'heading', level: 2, text: say('6. 개인정보 보호 및 데이터 보안 계획', '6. Personal-data protection and data security plan') },
    answerOrMissing(inputs, 'privacyPlan'),
    suggest(
      '병원이 가명처리한 정보만 과학적 연구 목적으로 이용합니다(개인정보 보호법 제28조의2). 연구 시작 전 병원 IRB 심의를 받고(생명윤리법 IRB; 식별정보 없이 기존 자료만 쓰면 심의 면제가 가능한지 IRB에 확인), 병원 DRB(데이터심의위원회) 승인 범위 안에서만 데이터를 씁니다. 분석은 병원 내 폐쇄 분석환경에서만 하고 데이터를 반출하지 않으며, 재식별을 시도하지 않고(제28조의5) 추가정보 분리 보관과 처리 기록 보관(제28조의4)을 지킵니다.',
      "We use only information the hospital has pseudonymised, for scientific research (PIPA Art. 28-2). Before starting we obtain the hospital IRB's review (Bioethics and Safety Act IRB; ask the IRB whether an exemption applies to existing records without identifiers) and use data only within the scope the hospital DRB (data review board) approves. Analysis happens only in the hospital's closed analysis environment, with no data export; we never attempt re-identification (Art. 28-5) and follow the rules on keeping additional information apart and keeping processing records (Art. 28-4)."),
    { kind: 'note', text: say(`근거: ${sources}. 일반 정보이며 법률 자문이 아닙니다. 최종 판단은 병원 IRB·DRB와 사업 담당자에게 확인하세요.`, `Sources: ${sources}. General information, not legal advice: the hospital IRB/DRB and the program office give the binding answer.`) },
    { kind: 'heading', level: 2, text: say('7. 추진 일정', '7. Schedule') },
  ];
  const schedule = Array.isArray(answers.schedule) ? (answers.schedule as ScheduleStep[]) : [];
  if (schedule.length === 0) blocks.push(answerOrMissing(inputs, 'schedule'));
  else {
    blocks.push({ kind: 'table', header: [say('기간', 'Period'), say('내용', 'Task')], rows: schedule.map((step) => [step.period, step.task]) });
    if (!schedule.some((step) => /IRB|DRB|심의|승인|review|approval/i.test(step.task))) {
      blocks.push(suggest('처음 1~2개월에 IRB 심의와 DRB 승인 기간을 넣으세요. 데이터를 받기까지 수개월 걸릴 수 있습니다.', 'Reserve the first one or two months for IRB review and DRB approval; receiving data can take months.'));
    }
  }
  blocks.push({ kind: 'heading', level: 2, text: say('8. 예산 계획', '8. Budget') });
  const budget = Array.isArray(answers.budget) ? (answers.budget as BudgetItem[]) : [];
  if (budget.length === 0) blocks.push(answerOrMissing(inputs, 'budget'));
  else {
    const total = budget.reduce((sum, item) => sum + item.amountKrw, 0);
    const cap = facts.funding.cap_krw;
    blocks.push({
      kind: 'table',
      header: [say('항목', 'Item'), say('금액(원)', 'Amount (KRW)')],
      rows: [...budget.map((item) => [item.item, formatKrw(item.amountKrw)]), [say('합계', 'Total'), formatKrw(total)]],
    });
    blocks.push({ kind: 'note', text: total <= cap
      ? say(`지원 한도 ${formatKrw(cap)}원 이내입니다 (남은 금액 ${formatKrw(cap - total)}원).`, `Within the ${formatKrw(cap)} KRW cap (${formatKrw(cap - total)} KRW left).`)
      : say(`❌ 합계가 지원 한도 ${formatKrw(cap)}원을 넘습니다.`, `❌ The total exceeds the ${formatKrw(cap)} KRW cap.`) });
    if (budget.length === 1) {
      const costs = facts.funding.eligible_costs.map((cost) => cost[language]).join(', ');
      blocks.push(suggest(`예산을 인정 비용 항목(${costs})별로 나눠 적으세요.`, `Split the budget into eligible cost items (${costs}).`));
    }
  }
  blocks.push({ kind: 'heading', level: 2, text: say('9. 기대 효과 및 사업화 계획', '9. Expected outcomes and commercialisation') }, answerOrMissing(inputs, 'expectedOutcomes'));
  const hospitals = Array.isArray(answers.preferredHospitals) ? (answers.preferredHospitals as string[]) : [];
  if (hospitals.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: say('희망 병원·연구진', 'Preferred hospitals or teams') }, { kind: 'bullets', items: hospitals });
  }
  return blocks;
}
