import type { Language } from '../messages/language.js';
import type { Choice, FormDefinition, FormField } from './form-definition.js';
import { text as messageText } from '../messages/messages.js';

/**
 * One thing wrong with an answers file or a finished draft, in words a founder understands:
 * which field (its label, and its path for a hand-edited file), what is wrong, how to fix it.
 * Schema messages ("Invalid input: expected string …") never reach the user.
 */
export interface AnswerProblem {
  /** Where, as written in an answers file: "company.name", "dataNeeds[0].type". */
  path: string;
  ko: string;
  en: string;
}

export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  values?: unknown[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  message: string;
}

/** "dataNeeds.0.type" → "dataNeeds[0].type", the way a JSON file is read. */
export function filePath(path: PropertyKey[]): string {
  return path.reduce<string>((written, key) => (typeof key === 'number' ? `${written}[${key}]` : written === '' ? String(key) : `${written}.${String(key)}`), '');
}

/** The form field an answers-file path belongs to: "dataNeeds[0].period" is the data-period field. */
export function fieldForPath(form: FormDefinition, path: PropertyKey[]): FormField | undefined {
  const named = path.filter((key) => typeof key === 'string').join('.');
  const each = path.length > 2 && typeof path[1] === 'number' ? `${String(path[0])}[].${path.slice(2).filter((key) => typeof key === 'string').join('.')}` : undefined;
  return form.fields.find((field) => field.path === each)
    ?? form.fields.find((field) => field.path === named)
    ?? form.fields.find((field) => field.path === String(path[0]))
    ?? form.fields.find((field) => named.startsWith(`${field.path}.`));
}

export function labelFor(form: FormDefinition, path: PropertyKey[], language: Language): string {
  const field = fieldForPath(form, path);
  const base = field?.label[language] ?? filePath(path);
  const index = path.find((key) => typeof key === 'number');
  const leaf = path[path.length - 1];
  if (typeof index !== 'number') return base;
  const part = typeof leaf === 'string' && field && !field.path.endsWith(leaf) ? ` ${leaf}` : '';
  return messageText(language, 'form.nthItem', { field: base, number: index + 1, part });
}

/** A schema issue rewritten for people, or undefined when it adds nothing to another problem. */
export function describeIssue(form: FormDefinition, issue: SchemaIssue, input: unknown, choiceLists: Record<string, Choice[]>): AnswerProblem {
  const path = filePath(issue.path);
  const ko = labelFor(form, issue.path, 'ko');
  const en = labelFor(form, issue.path, 'en');
  const given = valueAt(input, issue.path);
  if (issue.code === 'invalid_type' && given === undefined) {
    return { path, ko: `${ko}이(가) 비어 있어요. 적어 주세요.`, en: `the ${en} is missing; please fill it in.` };
  }
  if (issue.code === 'invalid_value' && Array.isArray(issue.values)) {
    const list = choiceLists[String(issue.path[issue.path.length - 1])] ?? choiceLists[String(issue.path[0])];
    const allowed = list ? list.map((choice) => `${choice.id} (${choice.ko})`).join(', ') : issue.values.join(', ');
    const allowedEn = list ? list.map((choice) => `${choice.id} (${choice.en})`).join(', ') : issue.values.join(', ');
    return { path, ko: `"${String(given)}"은(는) 쓸 수 있는 값이 아니에요. 다음 중 하나로 적어 주세요: ${allowed}`, en: `"${String(given)}" is not one of the allowed values; use one of: ${allowedEn}` };
  }
  if (issue.code === 'too_small' && Array.isArray(given)) {
    return { path, ko: `${ko}을(를) ${String(issue.minimum ?? 1)}개 이상 적어 주세요.`, en: `list at least ${String(issue.minimum ?? 1)} ${en} entr${issue.minimum === 1 ? 'y' : 'ies'}.` };
  }
  if (issue.code === 'too_small' && typeof given === 'string') {
    return { path, ko: `${ko}이(가) 비어 있어요. 적어 주세요.`, en: `the ${en} is empty; please fill it in.` };
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = issue.code === 'too_small' ? `${String(issue.minimum)} 이상` : `${String(issue.maximum)} 이하`;
    const boundEn = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
    return { path, ko: `${ko}은(는) ${bound}이어야 해요 (지금 ${String(given)}).`, en: `the ${en} must be ${boundEn} (it is ${String(given)}).` };
  }
  if (issue.code === 'invalid_type') {
    const kind = { number: ['숫자', 'a number'], string: ['글', 'text'], array: ['목록', 'a list'], object: ['항목 묶음', 'an object'] }[issue.expected ?? ''] ?? [issue.expected ?? '', issue.expected ?? ''];
    return { path, ko: `${ko}은(는) ${kind[0]}(으)로 적어 주세요 (지금 ${JSON.stringify(given)}).`, en: `the ${en} must be ${kind[1]} (it is ${JSON.stringify(given)}).` };
  }
  return { path, ko: `${ko}을(를) 확인해 주세요.`, en: `check the ${en}.` };
}

export function formatProblem(problem: AnswerProblem, language: Language): string {
  return `${problem.path}: ${problem[language]}`;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
}
