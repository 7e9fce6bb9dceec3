import type { FormField } from './form-definition.js';
import type { Text } from '../messages/messages.js';

/** Length and count limits from the form file, with messages (knowledge/messages/<language>/form.yaml) in the user's language. */
export type Say = Text;

export function checkLength(text: string, field: FormField, label: string, say: Say): { problem: string } | undefined {
  const length = [...text].length;
  if (length === 0) return { problem: say('form.writeIt', { label }) };
  if (field.minLength !== undefined && length < field.minLength) {
    return { problem: say('form.tooShort', { label, min: field.minLength, length, example: field.example[say.language] }) };
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    return { problem: say('form.tooLong', { label, max: field.maxLength, length }) };
  }
  return undefined;
}

export function checkItems<T>(items: T[], field: FormField, label: string, say: Say): { value: T[] } | { problem: string } {
  if (items.length < (field.minItems ?? 1)) return { problem: say('form.atLeastOneItem', { label }) };
  if (field.maxItems !== undefined && items.length > field.maxItems) {
    return { problem: say('form.tooManyItems', { label, max: field.maxItems, count: items.length }) };
  }
  for (const item of items) {
    if (typeof item === 'string') {
      const problem = checkLength(item, { ...field, minLength: undefined }, label, say);
      if (problem) return problem;
    }
  }
  return { value: items };
}
