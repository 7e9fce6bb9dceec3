import type { Language } from '../conversation/reply.js';
import type { ProgramFacts } from '../program/program-facts.js';
import type { PartialAnswers } from './answers-schema.js';
import type { FormDefinition } from './form-definition.js';
import type { ChecklistItem } from './plan-checklist.js';
import { companyAndResearchSections } from './plan-sections-research.js';
import { privacyScheduleBudgetSections } from './plan-sections-delivery.js';
import { sayIn } from './answer-limits.js';

/**
 * The draft as blocks, so Markdown and Word render the same content. "answer" blocks hold
 * the user's own words verbatim; "suggestion" blocks are template text Itda adds and are
 * marked for the user to rewrite.
 */
export type PlanBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'answer'; text: string }
  | { kind: 'suggestion'; text: string }
  | { kind: 'missing'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface SuggestedTeam {
  teamId: string;
  hospital: string;
  department: string;
  reasons: string[];
}

export interface PlanInputs {
  form: FormDefinition;
  facts: ProgramFacts;
  answers: PartialAnswers;
  language: Language;
  checklist: ChecklistItem[];
  /** Paths of knowledge/privacy*.md files that exist, cited in section 6. */
  privacySources: string[];
  teams?: SuggestedTeam[];
  generatedAt: Date;
}

export interface PlanDocument {
  title: string;
  blocks: PlanBlock[];
}

export function suggestionPrefix(language: Language): string {
  return sayIn(language)('💡 제안 (직접 수정하세요):', '💡 Suggestion (rewrite in your own words):');
}

export function draftResearchPlan(inputs: PlanInputs): PlanDocument {
  const say = sayIn(inputs.language);
  const title = typeof inputs.answers.title === 'string' ? inputs.answers.title : inputs.form.title[inputs.language];
  const company = (inputs.answers.company ?? {}) as { name?: string };
  const blocks: PlanBlock[] = [
    { kind: 'heading', level: 1, text: `${inputs.form.title[inputs.language]}: ${title}` },
    { kind: 'note', text: say(
      `${company.name ?? '(회사명 미작성)'} · ${inputs.facts.program.name.ko} · 초안 생성 ${inputs.generatedAt.toISOString().slice(0, 10)} (Itda). 💡 표시는 Itda가 넣은 예시 문장이니 직접 고쳐 쓰세요.`,
      `${company.name ?? '(company name missing)'} · ${inputs.facts.program.name.en} · draft made ${inputs.generatedAt.toISOString().slice(0, 10)} by Itda. Lines marked 💡 are Itda's template text: rewrite them in your own words.`) },
    ...companyAndResearchSections(inputs),
    ...privacyScheduleBudgetSections(inputs),
    ...checklistSection(inputs),
    ...teamsSection(inputs),
  ];
  return { title, blocks };
}

function checklistSection(inputs: PlanInputs): PlanBlock[] {
  const say = sayIn(inputs.language);
  const marks = { missing: '❌', weak: '⚠️', eligibility: '⚠️' } as const;
  const items = inputs.checklist.map((item) => `${marks[item.severity]} ${item.text}`);
  return [
    { kind: 'heading', level: 2, text: say('보완할 점 (체크리스트)', 'What to improve (checklist)') },
    items.length > 0 ? { kind: 'bullets', items } : { kind: 'note', text: say('✅ 빠진 항목이 없습니다.', '✅ Nothing is missing.') },
  ];
}

function teamsSection(inputs: PlanInputs): PlanBlock[] {
  if (!inputs.teams || inputs.teams.length === 0) return [];
  const say = sayIn(inputs.language);
  return [
    { kind: 'heading', level: 2, text: say('후보 병원 연구진 (사업 담당자 확인 필요)', 'Candidate hospital teams (to be confirmed by the program office)') },
    { kind: 'bullets', items: inputs.teams.slice(0, 3).map((team) => `${team.hospital} ${team.department} — ${team.reasons.join('; ')} (${say('사업 담당자 확인 필요', 'to be confirmed by the program office')})`) },
  ];
}
