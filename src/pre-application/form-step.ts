import type { Reply } from '../ports/reply.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { fieldById, type FormDefinition, type FormField } from './form-definition.js';
import type { UtteranceIntentModel } from './utterance-intent.js';
import { questionText } from './form-display.js';
import { foundedYearWarning, locationWarning } from './eligibility-checks.js';
import { isRequired, type FormState } from './form-state.js';

export interface FormContext {
  form: FormDefinition;
  facts: ProgramFacts;
  intents: UtteranceIntentModel;
  now: Date;
}

/** What the service must do after a step that the pure machine cannot (Q&A, files, storage). */
export type FormEffect =
  | { kind: 'question'; text: string }
  | { kind: 'completed' }
  | { kind: 'export'; format: 'md' | 'docx' }
  | { kind: 'submit' }
  | { kind: 'cancelled' };

export interface FormStep {
  state: FormState;
  replies: Reply[];
  effect?: FormEffect;
}

/** The reply that asks the current field again, or the review when the form is complete. */
export function ask(context: FormContext, state: FormState, preface: string[] = []): FormStep {
  const field = state.current ? fieldById(context.form, state.current) : undefined;
  const lead = preface.length > 0 ? [{ text: preface.join('\n') }] : [];
  if (!field) return { state, replies: lead, effect: { kind: 'completed' } };
  return { state, replies: [...lead, questionReply(context, state, field)] };
}

export function questionReply(context: FormContext, state: FormState, field: FormField): Reply {
  return { text: questionText(context.form, field, state.answers, state.language, isRequired(context.form, field, state.answers)) };
}

export function eligibilityWarnings(context: FormContext, state: FormState, paths: string[], answers: FormState['answers']): string[] {
  const company = (answers.company ?? {}) as { location?: string; foundedYear?: number };
  const warnings: (string | undefined)[] = [];
  if (paths.includes('company.location') && company.location) warnings.push(locationWarning(company.location, context.facts, state.language));
  if (paths.includes('company.foundedYear') && company.foundedYear) warnings.push(foundedYearWarning(company.foundedYear, context.facts, context.now, state.language));
  return warnings.filter((warning): warning is string => warning !== undefined);
}
