import type { Language, Reply, ReplyButton } from '../conversation/reply.js';
import type { PartialAnswers, BudgetItem, DataNeed } from './answers-schema.js';
import { choicesOf, type FormDefinition } from './form-definition.js';
import type { ChecklistItem } from './plan-checklist.js';
import type { SuggestedTeam } from './plan-document.js';
import { formatKrw } from './parse-amount.js';
import { sayIn } from './answer-limits.js';
import { applicantFit, applicantFitLines } from './applicant-fit.js';

/** The short view of a draft: shown when the form is complete, and posted to staff on submit. */
export function summaryLines(form: FormDefinition, answers: PartialAnswers, language: Language): string[] {
  const say = sayIn(language);
  const company = (answers.company ?? {}) as { name?: string; location?: string; foundedYear?: number };
  const types = choicesOf(form, 'dataTypes');
  const needs = Array.isArray(answers.dataNeeds) ? (answers.dataNeeds as DataNeed[]) : [];
  const budget = Array.isArray(answers.budget) ? (answers.budget as BudgetItem[]) : [];
  const total = budget.reduce((sum, item) => sum + item.amountKrw, 0);
  const dataLabels = [...new Set(needs.map((need) => types.find((type) => type.id === need.type)?.[language] ?? need.type))];
  return [
    say(`• 회사: ${company.name ?? '—'} (${company.location ?? '—'}, ${company.foundedYear ?? '—'}년 설립)`, `• Company: ${company.name ?? '—'} (${company.location ?? '—'}, founded ${company.foundedYear ?? '—'})`),
    say(`• 과제명: ${String(answers.title ?? '—')}`, `• Title: ${String(answers.title ?? '—')}`),
    say(`• 데이터: ${dataLabels.join(', ') || '—'}`, `• Data: ${dataLabels.join(', ') || '—'}`),
    say(`• 예산 합계: ${formatKrw(total)}원 (${budget.length}개 항목)`, `• Budget total: ${formatKrw(total)} KRW (${budget.length} items)`),
  ];
}

export function draftButtons(language: Language): ReplyButton[] {
  const say = sayIn(language);
  return [
    { actionId: 'preapp_export_md', label: say('Markdown 받기', 'Download Markdown'), value: 'md' },
    { actionId: 'preapp_export_docx', label: say('Word 받기', 'Download Word'), value: 'docx' },
    { actionId: 'preapp_submit', label: say('제출', 'Submit'), value: 'submit', style: 'primary' },
  ];
}

export function completedReply(
  form: FormDefinition,
  answers: PartialAnswers,
  checklist: ChecklistItem[],
  teams: SuggestedTeam[] | undefined,
  language: Language,
): Reply {
  const say = sayIn(language);
  const lines = [say('*연구계획서 초안이 완성되었어요* 📝', '*Your research-plan draft is ready* 📝'), ...summaryLines(form, answers, language)];
  if (checklist.length > 0) {
    lines.push(say(`*보완할 점 ${checklist.length}개*`, `*${checklist.length} things to improve*`), ...checklist.map((item) => `• ${item.text}`));
  }
  if (teams && teams.length > 0) lines.push(...applicantFitLines(applicantFit(teams, answers, form, language), language));
  lines.push(say(
    '`내보내기`(Markdown), `워드`(Word)로 파일을 받고, `수정 <항목>`으로 고치거나 `제출`로 사업 담당자에게 보낼 수 있어요.',
    'Type `export` (Markdown) or `word` for a file, `edit <field>` to change an answer, or `submit` to send it to the program office.'));
  return { text: lines.join('\n'), buttons: draftButtons(language) };
}
