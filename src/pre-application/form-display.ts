import type { Language } from '../messages/language.js';
import type { BudgetItem, DataNeed, PartialAnswers, ScheduleStep } from './answers-schema.js';
import { choicesOf, type FormDefinition, type FormField } from './form-definition.js';
import { getAt, isFilled } from './answer-paths.js';
import { describeChoices } from './match-choices.js';
import { formatKrw } from '../korean-numbers/amounts.js';
import { textIn } from '../messages/messages.js';

/** How the form speaks: the question with why and an example, stored values, status, help. */
export function questionText(form: FormDefinition, field: FormField, answers: PartialAnswers, language: Language, required: boolean): string {
  const say = textIn(language);
  const number = form.fields.indexOf(field) + 1;
  const lines = [`*[${number}/${form.fields.length}] ${field.label[language]}*`, field.question[language]];
  if (field.kind === 'choices') lines.push(describeChoices(choicesOf(form, field.choices ?? ''), language));
  lines.push(say('form.whyIAsk', { why: field.why[language] }));
  lines.push(say('form.example', { example: field.example[language] }));
  if (isFilled(answers, field.path)) lines.push(say('form.currentAnswer', { value: formatValue(form, field, getAt(answers, field.path), language) }));
  if (!required) lines.push(say('form.optionalField'));
  return lines.join('\n');
}

export function formatValue(form: FormDefinition, field: FormField, value: unknown, language: Language): string {
  if (value === undefined) return '—';
  const say = textIn(language);
  switch (field.kind) {
    case 'choices': {
      const choices = choicesOf(form, field.choices ?? '');
      return (value as string[]).map((id) => choices.find((choice) => choice.id === id)?.[language] ?? id).join(', ');
    }
    case 'dataNeeds': {
      const types = choicesOf(form, 'dataTypes');
      return (value as DataNeed[]).map((need) => `${types.find((type) => type.id === need.type)?.[language] ?? need.type}: ${need.description}`).join('; ');
    }
    case 'schedule':
      return (value as ScheduleStep[]).map((step) => `${step.period}: ${step.task}`).join('; ');
    case 'budget': {
      const items = value as BudgetItem[];
      const total = items.reduce((sum, item) => sum + item.amountKrw, 0);
      return items.map((item) => `${item.item} ${say('form.budgetAmount', { amount: formatKrw(item.amountKrw) })}`).join('; ') + say('form.budgetTotal', { amount: formatKrw(total) });
    }
    default:
      return Array.isArray(value) ? value.join('; ') : String(value);
  }
}

export function statusText(form: FormDefinition, answers: PartialAnswers, skipped: string[], language: Language): string {
  const say = textIn(language);
  const filled = form.fields.filter((field) => isFilled(answers, field.path));
  const missing = form.fields.filter((field) => !isFilled(answers, field.path));
  const lines = [say('form.progress', { filled: filled.length, total: form.fields.length })];
  lines.push(say('form.filledHeading'));
  for (const field of filled) lines.push(`• ${field.label[language]}: ${shorten(formatValue(form, field, getAt(answers, field.path), language))}`);
  if (missing.length > 0) {
    lines.push(say('form.missingHeading'));
    for (const field of missing) {
      const note = skipped.includes(field.id) ? say('form.skippedNote') : field.required ? '' : say('form.optionalNote');
      lines.push(`• ${field.label[language]}${note}`);
    }
  }
  return lines.join('\n');
}

export function helpText(language: Language): string {
  return textIn(language)('form.help');
}

function shorten(text: string): string {
  return [...text].length > 80 ? `${[...text].slice(0, 77).join('')}…` : text;
}
