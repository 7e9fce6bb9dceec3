import type { DataNeed, PartialAnswers } from './answers-schema.js';
import { choicesOf, fieldByPath } from './form-definition.js';
import { suggestionPrefix, type PlanBlock, type PlanInputs } from './plan-document.js';
import { readsLikeChat } from './plan-style.js';
import { sayIn } from './answer-limits.js';

type Suggest = (ko: string, en: string) => PlanBlock;

export function suggester(inputs: PlanInputs): Suggest {
  const say = sayIn(inputs.language);
  return (ko, en) => ({ kind: 'suggestion', text: `${suggestionPrefix(inputs.language)} ${say(ko, en)}` });
}

/** Sections 1–9: who, what, why, with whom, which data, how, and how many. */
export function companyAndResearchSections(inputs: PlanInputs): PlanBlock[] {
  const { answers, language } = inputs;
  const say = sayIn(language);
  const suggest = suggester(inputs);
  const company = (answers.company ?? {}) as Record<string, unknown>;
  const contact = answers.contact as { name?: string; email?: string } | undefined;
  const objectives = Array.isArray(answers.objectives) ? (answers.objectives as string[]) : [];
  const hospitals = Array.isArray(answers.preferredHospitals) ? (answers.preferredHospitals as string[]) : [];
  const heading = (ko: string, en: string): PlanBlock => ({ kind: 'heading', level: 2, text: say(ko, en) });
  const blocks: PlanBlock[] = [
    heading('1. 기업 개요', '1. Company overview'),
    {
      kind: 'table',
      header: [say('항목', 'Item'), say('내용', 'Details')],
      rows: [
        [say('회사명', 'Company'), String(company.name ?? '—')],
        [say('소재지', 'Location'), String(company.location ?? '—')],
        [say('설립연도', 'Founded'), company.foundedYear ? String(company.foundedYear) : '—'],
        [say('직원 수', 'Employees'), company.employees ? String(company.employees) : '—'],
        [say('담당자', 'Contact'), contact ? `${contact.name ?? ''} ${contact.email ? `<${contact.email}>` : ''}`.trim() : '—'],
      ],
    },
    ...answerBlocks(inputs, 'company.business'),
    heading('2. 과제명', '2. Project title'),
    ...answerBlocks(inputs, 'title'),
    heading('3. 연구 배경 및 필요성', '3. Background and need'),
    ...answerBlocks(inputs, 'background'),
    heading('4. 연구 목표', '4. Objectives'),
    objectives.length > 0 ? { kind: 'numbered', items: objectives } : missing(inputs, 'objectives'),
  ];
  if (objectives.length > 0 && !objectives.some((objective) => /\d/.test(objective))) {
    blocks.push(suggest('목표마다 측정할 수 있는 지표와 기준값을 붙이세요 (예: 외부 검증 AUROC 0.85 이상).', 'Give each objective a measurable target (e.g. external-validation AUROC of at least 0.85).'));
  }
  blocks.push(heading('5. 연구진 구성 및 역할', '5. Research team and roles'), {
    kind: 'table',
    header: [say('구분', 'Role'), say('성명·기관', 'Name and organisation'), say('역할', 'Responsibilities')],
    rows: [
      [say('연구책임자 (기업)', 'Principal investigator (company)'), `${contact?.name ?? say('(작성 필요)', '(to be named)')} · ${String(company.name ?? '—')}`,
        say('과제 총괄, 분석·모델 개발, 사업화', 'Leads the project, analysis and model development, commercialisation')],
      [say('공동연구자 (병원)', 'Co-investigator (hospital)'), hospitals.length > 0 ? `${hospitals.join(', ')} ${say('(희망)', '(preferred)')}` : say('매칭 후 확정 (사업 담당자)', 'Confirmed after matching (program office)'),
        say('데이터 제공 범위 검토, IRB·DRB 신청, 임상 자문과 결과 해석', 'Data scope, IRB and DRB applications, clinical advice and interpretation')],
    ],
  });
  blocks.push(suggest('연구책임자의 관련 경력과 병원 공동연구자의 전문 분야를 한 줄씩 덧붙이세요.', "Add one line each on the PI's relevant experience and the hospital co-investigator's speciality."));
  blocks.push(...dataSections(inputs, suggest, heading));
  return blocks;
}

function dataSections(inputs: PlanInputs, suggest: Suggest, heading: (ko: string, en: string) => PlanBlock): PlanBlock[] {
  const { answers, language, form } = inputs;
  const say = sayIn(language);
  const types = choicesOf(form, 'dataTypes');
  const purposes = choicesOf(form, 'purposes');
  const needs = Array.isArray(answers.dataNeeds) ? (answers.dataNeeds as DataNeed[]) : [];
  const blocks: PlanBlock[] = [heading('6. 활용 데이터', '6. Data to be used')];
  if (needs.length === 0) blocks.push(missing(inputs, 'dataNeeds'));
  const scopeLines = (need: DataNeed): string[] => [
    `${say('대상 질환', 'Diseases')}: ${need.diseases?.join(', ') ?? say('(작성 필요)', '(to be written)')}`,
    `${say('환자 수', 'Patients')}: ${need.minPatients ? `${need.minPatients.toLocaleString('en-US')}${say('명', '')}` : say('(작성 필요)', '(to be written)')}`,
    `${say('기간', 'Period')}: ${need.period ?? say('(작성 필요)', '(to be written)')}`,
  ];
  // One answer about diseases, patients and period covers every data type; a reviewer reads it once, not per row.
  const shared = needs.length > 1 && new Set(needs.map((need) => scopeLines(need).join('\n'))).size === 1;
  for (const need of needs) {
    blocks.push({ kind: 'heading', level: 3, text: types.find((type) => type.id === need.type)?.[language] ?? need.type });
    blocks.push({ kind: 'bullets', items: [`${say('내용', 'Description')}: ${need.description}`, ...(shared ? [] : scopeLines(need))] });
  }
  if (shared) {
    blocks.push({ kind: 'heading', level: 3, text: say('공통 범위 (위의 모든 데이터)', 'Scope (all the data above)') });
    blocks.push({ kind: 'bullets', items: scopeLines(needs[0]!) });
  }
  const chosen = Array.isArray(answers.purposes) ? (answers.purposes as string[]) : [];
  blocks.push(heading('7. 활용 목적', '7. Purposes'));
  blocks.push(chosen.length > 0 ? { kind: 'bullets', items: chosen.map((id) => purposes.find((purpose) => purpose.id === id)?.[language] ?? id) } : missing(inputs, 'purposes'));
  blocks.push(heading('8. 연구 방법', '8. Methods'), ...answerBlocks(inputs, 'methods'));
  if (typeof answers.methods === 'string') {
    blocks.push(suggest(
      '가명처리된 데이터를 병원 내 폐쇄 분석환경에서 분석하고, 학습·검증 데이터를 기간이나 기관으로 나눠 외부 검증하며, 주요 지표(AUROC, 민감도, 특이도 등)와 통계 방법을 밝히세요.',
      "Analyse pseudonymised data inside the hospital's closed environment, split training and validation by period or site for external validation, and name the main metrics (AUROC, sensitivity, specificity …) and statistical methods."));
  }
  blocks.push(heading('9. 표본 규모 근거', '9. Sample size rationale'));
  const sized = needs.filter((need) => need.minPatients);
  if (sized.length > 0) {
    blocks.push({ kind: 'bullets', items: sized.map((need) => `${types.find((type) => type.id === need.type)?.[language] ?? need.type}: ${need.minPatients!.toLocaleString('en-US')}${say('명', ' patients')}`) });
  } else blocks.push({ kind: 'missing', text: say('(작성 필요: 필요한 환자 수)', '(to be written: number of patients)') });
  blocks.push(suggest(
    '이 규모가 왜 충분한지 적으세요: 주요 지표의 기대값과 허용 오차(예: AUROC 0.85, 95% 신뢰구간 폭 ±0.03), 유병률, 학습·검증 분할 비율로 계산한 최소 표본 수.',
    'Say why this size is enough: the expected value and margin of the main metric (e.g. AUROC 0.85 with a 95% CI of ±0.03), prevalence, and the training/validation split behind the minimum sample.'));
  return blocks;
}

/** The user's answer verbatim; chat-style answers are marked for the user to polish. */
export function answerBlocks(inputs: PlanInputs, path: string): PlanBlock[] {
  const value = valueAt(inputs.answers, path);
  if (typeof value !== 'string' || value.trim() === '') return [missing(inputs, path)];
  const polished = inputs.polished?.[path];
  if (polished) return [{ kind: 'answer', text: polished }];
  if (!readsLikeChat(value, inputs.language)) return [{ kind: 'answer', text: value }];
  return [{ kind: 'answer', text: value }, { kind: 'note', text: sayIn(inputs.language)(
    '✏️ 대화체 답을 그대로 옮겼어요. 제출 전에 계획서 문체(~합니다, ~함)로 다듬으세요.',
    '✏️ Your chat answer is copied as typed; rewrite it in formal plan style before submitting.') }];
}

export function missing(inputs: PlanInputs, path: string): PlanBlock {
  const label = fieldByPath(inputs.form, path)?.label[inputs.language] ?? path;
  return { kind: 'missing', text: sayIn(inputs.language)(`(작성 필요: ${label})`, `(to be written: ${label})`) };
}

function valueAt(answers: PartialAnswers, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), answers);
}
