import type { DataNeed, PartialAnswers } from './answers-schema.js';
import { choicesOf, fieldByPath } from './form-definition.js';
import { suggestionPrefix, type PlanBlock, type PlanInputs } from './plan-document.js';
import { sayIn } from './answer-limits.js';

/** Sections 1–5: company, title and background, objectives, data, methods. */
export function companyAndResearchSections(inputs: PlanInputs): PlanBlock[] {
  const { answers, language } = inputs;
  const say = sayIn(language);
  const company = (answers.company ?? {}) as Record<string, unknown>;
  const contact = answers.contact as { name?: string; email?: string } | undefined;
  const objectives = Array.isArray(answers.objectives) ? (answers.objectives as string[]) : [];
  const suggest = (ko: string, en: string): PlanBlock => ({ kind: 'suggestion', text: `${suggestionPrefix(language)} ${say(ko, en)}` });
  const blocks: PlanBlock[] = [
    { kind: 'heading', level: 2, text: say('1. 기업 개요', '1. Company overview') },
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
    answerOrMissing(inputs, 'company.business'),
    { kind: 'heading', level: 2, text: say('2. 과제명, 연구 배경 및 필요성', '2. Project title, background and need') },
    { kind: 'heading', level: 3, text: say('과제명', 'Title') },
    answerOrMissing(inputs, 'title'),
    { kind: 'heading', level: 3, text: say('연구 배경 및 필요성', 'Background and need') },
    answerOrMissing(inputs, 'background'),
    { kind: 'heading', level: 2, text: say('3. 연구 목표', '3. Objectives') },
    objectives.length > 0 ? { kind: 'bullets', items: objectives } : answerOrMissing(inputs, 'objectives'),
  ];
  if (objectives.length > 0 && !objectives.some((objective) => /\d/.test(objective))) {
    blocks.push(suggest('목표마다 측정할 수 있는 지표와 기준값을 붙이세요 (예: 외부 검증 AUROC 0.85 이상).', 'Give each objective a measurable target (e.g. external-validation AUROC of at least 0.85).'));
  }
  blocks.push(...dataSection(inputs, suggest));
  blocks.push({ kind: 'heading', level: 2, text: say('5. 연구 방법 및 분석 계획', '5. Methods and analysis plan') }, answerOrMissing(inputs, 'methods'));
  if (typeof answers.methods === 'string') {
    blocks.push(suggest(
      '가명처리된 데이터를 병원 내 폐쇄 분석환경에서 분석하고, 학습·검증 데이터를 기간이나 기관으로 나눠 외부 검증하며, 주요 지표(AUROC, 민감도, 특이도 등)와 통계 방법을 밝히세요.',
      "Analyse pseudonymised data inside the hospital's closed environment, split training and validation by period or site for external validation, and name the main metrics (AUROC, sensitivity, specificity …) and statistical methods."));
  }
  return blocks;
}

function dataSection(inputs: PlanInputs, suggest: (ko: string, en: string) => PlanBlock): PlanBlock[] {
  const { answers, language, form } = inputs;
  const say = sayIn(language);
  const types = choicesOf(form, 'dataTypes');
  const purposes = choicesOf(form, 'purposes');
  const needs = Array.isArray(answers.dataNeeds) ? (answers.dataNeeds as DataNeed[]) : [];
  const blocks: PlanBlock[] = [{ kind: 'heading', level: 2, text: say('4. 활용 데이터 및 요구사항', '4. Data needed and requirements') }];
  if (needs.length === 0) blocks.push(answerOrMissing(inputs, 'dataNeeds'));
  else {
    blocks.push({
      kind: 'table',
      header: [say('종류', 'Type'), say('내용', 'Description'), say('대상 질환', 'Diseases'), say('환자 수', 'Patients'), say('기간', 'Period')],
      rows: needs.map((need) => [
        types.find((type) => type.id === need.type)?.[language] ?? need.type,
        need.description,
        need.diseases?.join(', ') ?? '—',
        need.minPatients ? need.minPatients.toLocaleString('en-US') : '—',
        need.period ?? '—',
      ]),
    });
    if (!needs.some((need) => need.minPatients)) blocks.push(suggest('필요한 최소 환자 수와 그 근거(검정력 계산 등)를 적으세요.', 'State the minimum number of patients and why (e.g. a power calculation).'));
  }
  const chosen = Array.isArray(answers.purposes) ? (answers.purposes as string[]) : [];
  blocks.push({ kind: 'heading', level: 3, text: say('활용 목적', 'Purposes') });
  blocks.push(chosen.length > 0
    ? { kind: 'bullets', items: chosen.map((id) => purposes.find((purpose) => purpose.id === id)?.[language] ?? id) }
    : answerOrMissing(inputs, 'purposes'));
  return blocks;
}

/** The user's answer verbatim, or a visible gap naming the field. */
export function answerOrMissing(inputs: PlanInputs, path: string): PlanBlock {
  const value = valueAt(inputs.answers, path);
  if (typeof value === 'string' && value.trim() !== '') return { kind: 'answer', text: value };
  const label = fieldByPath(inputs.form, path)?.label[inputs.language] ?? path;
  return { kind: 'missing', text: sayIn(inputs.language)(`(작성 필요: ${label})`, `(to be written: ${label})`) };
}

function valueAt(answers: PartialAnswers, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), answers);
}
