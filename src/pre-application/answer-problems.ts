import type { Language } from '../messages/language.js';
import type { Choice, FormDefinition, FormField } from './form-definition.js';
import { text as messageText, textInEach } from '../messages/messages.js';

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
  const labels = { ko: labelFor(form, issue.path, 'ko'), en: labelFor(form, issue.path, 'en') };
  const given = valueAt(input, issue.path);
  if (issue.code === 'invalid_type' && given === undefined) {
    return { path, ...textInEach('form.answersMissing', (language) => ({ label: labels[language] })) };
  }
  if (issue.code === 'invalid_value' && Array.isArray(issue.values)) {
    const list = choiceLists[String(issue.path[issue.path.length - 1])] ?? choiceLists[String(issue.path[0])];
    const values = issue.values.join(', ');
    const allowed = (language: Language) => (list ? list.map((choice) => `${choice.id} (${choice[language]})`).join(', ') : values);
    return { path, ...textInEach('form.answersNotAllowed', (language) => ({ given: String(given), allowed: allowed(language) })) };
  }
  if (issue.code === 'too_small' && Array.isArray(given)) {
    const key = issue.minimum === 1 ? 'form.answersAtLeastOneEntry' : 'form.answersAtLeastEntries';
    return { path, ...textInEach(key, (language) => ({ label: labels[language], count: String(issue.minimum ?? 1) })) };
  }
  if (issue.code === 'too_small' && typeof given === 'string') {
    return { path, ...textInEach('form.answersEmpty', (language) => ({ label: labels[language] })) };
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const key = issue.code === 'too_small' ? 'form.answersAtLeast' : 'form.answersAtMost';
    const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    return { path, ...textInEach(key, (language) => ({ label: labels[language], bound, given: String(given) })) };
  }
  if (issue.code === 'invalid_type') {
    const kindKey = ({ number: 'form.kindNumber', string: 'form.kindText', array: 'form.kindList', object: 'form.kindObject' } as Record<string, string>)[issue.expected ?? ''];
    return { path, ...textInEach('form.answersWrongKind', (language) => ({ label: labels[language], kind: kindKey ? messageText(language, kindKey) : String(issue.expected ?? ''), given: JSON.stringify(given) })) };
  }
  return { path, ...textInEach('form.answersCheck', (language) => ({ label: labels[language] })) };
}

export function formatProblem(problem: AnswerProblem, language: Language): string {
  return `${problem.path}: ${problem[language]}`;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
}
