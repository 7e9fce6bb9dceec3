import type { Language } from '../messages/language.js';
import type { ProgramFacts } from '../program/program-facts.js';
import type { PartialAnswers } from './answers-schema.js';
import type { FormDefinition } from './form-definition.js';

/** What an answer is read against: the form, the program facts, the language, today and the answers so far. */
export interface AnswerContext {
  form: FormDefinition;
  facts: ProgramFacts;
  language: Language;
  now: Date;
  answers: PartialAnswers;
}
