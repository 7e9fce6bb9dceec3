import type { Language } from '../conversation/reply.js';
import type { FormField } from './form-definition.js';

/** Length and count limits from the form file, with messages in the user's language. */
export type Say = (ko: string, en: string) => string;

export function sayIn(language: Language): Say {
  return (ko, en) => (language === 'ko' ? ko : en);
}

export function checkLength(text: string, field: FormField, label: string, say: Say): { problem: string } | undefined {
  const length = [...text].length;
  if (length === 0) return { problem: say(`${label}을(를) 적어 주세요.`, `Please write the ${label}.`) };
  if (field.minLength !== undefined && length < field.minLength) {
    return { problem: say(`${label}은(는) ${field.minLength}자 이상 적어 주세요 (지금 ${length}자). 예: ${field.example.ko}`, `The ${label} needs at least ${field.minLength} characters (now ${length}). Example: ${field.example.en}`) };
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    return { problem: say(`${label}은(는) ${field.maxLength}자 이하로 줄여 주세요 (지금 ${length}자).`, `The ${label} must be at most ${field.maxLength} characters (now ${length}).`) };
  }
  return undefined;
}

export function checkItems<T>(items: T[], field: FormField, label: string, say: Say): { value: T[] } | { problem: string } {
  if (items.length < (field.minItems ?? 1)) return { problem: say(`${label}을(를) 하나 이상 적어 주세요.`, `Please give at least one ${label} entry.`) };
  if (field.maxItems !== undefined && items.length > field.maxItems) {
    return { problem: say(`${label}은(는) ${field.maxItems}개까지 적을 수 있어요 (지금 ${items.length}개).`, `At most ${field.maxItems} ${label} entries (now ${items.length}).`) };
  }
  for (const item of items) {
    if (typeof item === 'string') {
      const problem = checkLength(item, { ...field, minLength: undefined }, label, say);
      if (problem) return problem;
    }
  }
  return { value: items };
}
