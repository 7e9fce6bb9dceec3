import type { Language } from '../messages/language.js';
import type { PartialAnswers } from './answers-schema.js';
import type { FormDefinition, FormField } from './form-definition.js';
import { fieldById } from './form-definition.js';
import { isEachPath, isFilled } from './answer-paths.js';

/**
 * Everything needed to resume a draft exactly where the user left off. Saved after every
 * message; plain JSON so any DraftRepository can store it.
 */
export interface FormState {
  version: 1;
  /** The form version the answers follow; stored-form-state.ts migrates older ones on load. */
  formVersion: number;
  language: Language;
  answers: PartialAnswers;
  /** The field being asked; undefined once every field is answered or skipped (review). */
  current?: string;
  /** Fields asked before the current one, newest last, for 뒤로/back. */
  trail: string[];
  skipped: string[];
  awaiting?: 'cancel';
  /** The round the draft is for (a round id, or "next" when none was open), set at start and at submit. */
  round?: string;
  /** Answers of fields a form migration removed, keyed "path@vN" (the version they were removed after): kept, never asked. */
  setAside?: Record<string, unknown>;
  /** The stored state exactly as it was when it could not be read (stored-form-state.ts), kept so nothing is lost. */
  unreadable?: unknown;
}

export function newFormState(form: FormDefinition, language: Language): FormState {
  return { version: 1, formVersion: form.version, language, answers: {}, current: form.fields[0]?.id, trail: [], skipped: [] };
}

export function isRequired(form: FormDefinition, field: FormField, answers: PartialAnswers): boolean {
  if (field.required) return true;
  const partner = field.requiredWith ? fieldById(form, field.requiredWith) : undefined;
  return partner !== undefined && isFilled(answers, partner.path);
}

/** A field that applies to every data need can only be asked once there are data needs. */
export function canAsk(field: FormField, answers: PartialAnswers): boolean {
  return !isEachPath(field.path) || isFilled(answers, 'dataNeeds');
}

/** The first field, in form order, that still needs an answer; undefined when none is left. */
export function nextOpenField(form: FormDefinition, state: Pick<FormState, 'answers' | 'skipped'>): FormField | undefined {
  return form.fields.find(
    (field) => !isFilled(state.answers, field.path) && !state.skipped.includes(field.id) && canAsk(field, state.answers),
  );
}

export function missingRequired(form: FormDefinition, answers: PartialAnswers): FormField[] {
  return form.fields.filter((field) => isRequired(form, field, answers) && !isFilled(answers, field.path));
}

export function filledCount(form: FormDefinition, answers: PartialAnswers): number {
  return form.fields.filter((field) => isFilled(answers, field.path)).length;
}
