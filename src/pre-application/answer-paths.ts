import type { PartialAnswers } from './answers-schema.js';

/**
 * Reads and writes answers by the form's paths: "company.name" is one value, and
 * "dataNeeds[].period" is asked once and applied to every data need; it counts as filled
 * when any data need already has it (e.g. "2,000명" written in one data-need line).
 */
export function getAt(answers: PartialAnswers, path: string): unknown {
  const each = eachPath(path);
  if (each) {
    const items = listAt(answers, each.list);
    const values = items.map((item) => getAt(item, each.rest)).filter((value) => value !== undefined);
    return values.length === 0 ? undefined : values[0];
  }
  let node: unknown = answers;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function isFilled(answers: PartialAnswers, path: string): boolean {
  const each = eachPath(path);
  if (each) {
    const items = listAt(answers, each.list);
    return items.some((item) => getAt(item, each.rest) !== undefined);
  }
  const value = getAt(answers, path);
  return value !== undefined && !(Array.isArray(value) && value.length === 0);
}

/** Returns new answers; earlier answers are never dropped, only the one path changes. */
export function setAt(answers: PartialAnswers, path: string, value: unknown): PartialAnswers {
  const copy = structuredClone(answers);
  const each = eachPath(path);
  if (each) {
    const items = listAt(copy, each.list).map((item) => setAt(item, each.rest, value));
    return setAt(copy, each.list, items);
  }
  const keys = path.split('.');
  if (value === undefined) return removeAt(copy, keys);
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
  return copy;
}

/** Removes a value and any object left empty by it, so a skipped "contact.name" leaves no "contact: {}". */
function removeAt(answers: PartialAnswers, keys: string[]): PartialAnswers {
  const [first, ...rest] = keys;
  if (first === undefined || !(first in answers)) return answers;
  if (rest.length === 0) {
    delete answers[first];
    return answers;
  }
  const child = answers[first];
  if (child === null || typeof child !== 'object' || Array.isArray(child)) return answers;
  const pruned = removeAt(child as PartialAnswers, rest);
  if (Object.keys(pruned).length === 0) delete answers[first];
  return answers;
}

/** Every value at a path: one per item for "list[].x" (undefined where an item has none), else zero or one. */
export function valuesAt(answers: PartialAnswers, path: string): unknown[] {
  const each = eachPath(path);
  if (each) return listAt(answers, each.list).map((item) => getAt(item, each.rest));
  const value = getAt(answers, path);
  return value === undefined ? [] : [value];
}

/** Moves the value at `from` to `to` (a renamed field); "list[].x" item by item, so each data need keeps its own. */
export function moveAt(answers: PartialAnswers, from: string, to: string): PartialAnswers {
  const fromEach = eachPath(from);
  const toEach = eachPath(to);
  if (fromEach && toEach && fromEach.list === toEach.list) {
    const items = listAt(answers, fromEach.list).map((item) => {
      const value = getAt(item, fromEach.rest);
      return value === undefined ? item : setAt(setAt(item, fromEach.rest, undefined), toEach.rest, value);
    });
    return setAt(answers, fromEach.list, items);
  }
  const value = getAt(answers, from);
  return value === undefined ? answers : setAt(setAt(answers, from, undefined), to, value);
}

export function isEachPath(path: string): boolean {
  return eachPath(path) !== undefined;
}

function eachPath(path: string): { list: string; rest: string } | undefined {
  const match = /^([^[]+)\[\]\.(.+)$/.exec(path);
  return match ? { list: match[1]!, rest: match[2]! } : undefined;
}

function listAt(answers: PartialAnswers, path: string): PartialAnswers[] {
  const value = getAt(answers, path);
  return Array.isArray(value) ? value.filter((item): item is PartialAnswers => item !== null && typeof item === 'object') : [];
}
