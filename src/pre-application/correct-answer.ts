import { getAt, setAt } from './answer-paths.js';
import { textIn } from '../messages/messages.js';
import type { FormField } from './form-definition.js';
import { formatValue } from './form-display.js';
import { parseAnswer } from './parse-answer.js';
import type { FormState } from './form-state.js';
import { ask, eligibilityWarnings, type FormContext, type FormStep } from './form-step.js';

/**
 * "아 설립연도 잘못 말했어요. 2016 아니고 2019년이에요": the named (or evident) earlier
 * answer changes, Itda says what changed, and the form goes on from where it was.
 */
export function correctAnswer(context: FormContext, state: FormState, field: FormField, raw: string): FormStep {
  const say = textIn(state.language);
  const label = field.label[state.language];
  const parsed = parseAnswer(field, raw, { ...context, language: state.language, answers: state.answers });
  if (!parsed.ok) {
    return ask(context, state, [say('form.correctionUnreadable', { label, problem: parsed.problem })]);
  }
  const before = getAt(state.answers, field.path);
  const answers = setAt(state.answers, field.path, parsed.value);
  const was = before === undefined ? '—' : formatValue(context.form, field, before, state.language);
  const now = formatValue(context.form, field, parsed.value, state.language);
  const notes = [
    say('form.corrected', { label, was, now }),
    ...eligibilityWarnings(context, state, [field.path], answers),
  ];
  if (state.current) notes.push(say('form.backToWhereWeWere'));
  return ask(context, { ...state, answers, skipped: state.skipped.filter((id) => id !== field.id) }, notes);
}
