import type { Language } from '../messages/language.js';
import { fieldById, type FormDefinition } from './form-definition.js';
import { filledCount, type FormState } from './form-state.js';
import { textIn } from '../messages/messages.js';

/** After this long without a message, the next one is greeted with where the draft stands. */
export const BREAK_MS = 30 * 60_000;

/** "다시 왔어요", "continue": a message that only says "I'm back" is greeted, not stored as an answer. */
const ONLY_RETURNING = /^(?:안녕(?:하세요)?|하이|다시\s*왔어요|계속(?:할게요|하기)?|이어서(?:\s*할게요|\s*쓸게요)?|hi|hello|hey|i'?m back|continue|resume)[.!~\s]*$/i;

export function onlySaysReturning(text: string): boolean {
  return ONLY_RETURNING.test(text.trim());
}

export function resumeGreeting(form: FormDefinition, state: FormState, updatedAt: string, language: Language): string {
  const say = textIn(language);
  const when = `${updatedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const field = state.current ? fieldById(form, state.current) : undefined;
  const next = field ? say('form.resumeAsking', { number: form.fields.indexOf(field) + 1, label: field.label[language] }) : say('form.resumeDone');
  return `${say('form.resumeBack', { filled: filledCount(form, state.answers), total: form.fields.length, when })} ${next}`;
}
