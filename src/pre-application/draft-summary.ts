import type { Language } from '../messages/language.js';
import type { Reply, ReplyButton } from '../ports/reply.js';
import type { PartialAnswers, BudgetItem, DataNeed } from './answers-schema.js';
import { choicesOf, type FormDefinition } from './form-definition.js';
import type { ChecklistItem } from './plan-checklist.js';
import type { SuggestedTeam } from './plan-blocks.js';
import { formatKrw } from '../korean-numbers/amounts.js';
import { textIn } from '../messages/messages.js';
import { applicantFit, applicantFitLines } from './applicant-fit.js';

/** The short view of a draft: shown when the form is complete, and posted to staff on submit. */
export function summaryLines(form: FormDefinition, answers: PartialAnswers, language: Language): string[] {
  const say = textIn(language);
  const company = (answers.company ?? {}) as { name?: string; location?: string; foundedYear?: number };
  const types = choicesOf(form, 'dataTypes');
  const needs = Array.isArray(answers.dataNeeds) ? (answers.dataNeeds as DataNeed[]) : [];
  const budget = Array.isArray(answers.budget) ? (answers.budget as BudgetItem[]) : [];
  const total = budget.reduce((sum, item) => sum + item.amountKrw, 0);
  const dataLabels = [...new Set(needs.map((need) => types.find((type) => type.id === need.type)?.[language] ?? need.type))];
  return [
    say('form.summaryCompany', { name: company.name ?? '—', location: company.location ?? '—', foundedYear: company.foundedYear ?? '—' }),
    say('form.summaryTitle', { title: String(answers.title ?? '—') }),
    say('form.summaryData', { data: dataLabels.join(', ') || '—' }),
    say('form.summaryBudget', { total: formatKrw(total), count: budget.length }),
  ];
}

export function draftButtons(language: Language): ReplyButton[] {
  const say = textIn(language);
  return [
    { actionId: 'preapp_export_md', label: say('form.downloadMarkdown'), value: 'md' },
    { actionId: 'preapp_export_docx', label: say('form.downloadWord'), value: 'docx' },
    { actionId: 'preapp_submit', label: say('form.submitButton'), value: 'submit', style: 'primary' },
  ];
}

export function completedReply(
  form: FormDefinition,
  answers: PartialAnswers,
  checklist: ChecklistItem[],
  teams: SuggestedTeam[] | undefined,
  language: Language,
): Reply {
  const say = textIn(language);
  const lines = [say('form.draftReady'), ...summaryLines(form, answers, language)];
  if (checklist.length > 0) {
    lines.push(say('form.thingsToImprove', { count: checklist.length }), ...checklist.map((item) => `• ${item.text}`));
  }
  if (teams && teams.length > 0) lines.push(...applicantFitLines(applicantFit(teams, answers, form, language), language));
  lines.push(say('form.whatNext'));
  return { text: lines.join('\n'), buttons: draftButtons(language) };
}
