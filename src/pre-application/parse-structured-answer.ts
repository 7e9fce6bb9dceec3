import type { ProgramFacts } from '../program/program-facts.js';
import type { BudgetItem, DataNeed, ScheduleStep } from './answers-schema.js';
import { choicesOf, type FormField } from './form-definition.js';
import { describeChoices, matchChoices } from './match-choices.js';
import { findAmount, formatKrw } from '../korean-numbers/amounts.js';
import { findYearRange } from '../korean-numbers/data-years.js';
import { parsePatientMinimum } from '../korean-numbers/patient-counts.js';
import type { AnswerContext } from './answer-context.js';
import { checkItems, checkLength, type Say } from './answer-limits.js';

/**
 * Answers that hold several entries, one per line or ";": data needs, schedule, budget.
 * Bullets and numbering ("1.", "-", "•") are dropped; commas split only short lists
 * (diseases, hospitals) and never a number such as "20,000,000".
 */
export function splitItems(text: string, splitCommas: boolean): string[] {
  let items = splitInlineList(text).flatMap((part) => part.split(/\n|;|；/));
  if (items.length === 1 && splitCommas) items = text.split(/,(?!\d{3})|、/);
  const cleaned = items.map((item) => item.replace(/^\s*(?:[-•*·]|\d+[.)]|[①-⑩])\s*/, '').trim()).filter((item) => item.length > 0);
  return withoutDuplicates(cleaned);
}

/**
 * "1) … 2) … 3) …" or "• a • b" typed on one line is still a list: split where the numbering
 * runs 1, 2, 3 … (so "0.85" or "2) only" inside a sentence never splits).
 */
function splitInlineList(text: string): string[] {
  const markers = [...text.matchAll(/(?:^|\s)(\d{1,2})[.)](?=\s)|(?:^|\s)([①-⑩])/g)];
  const numbered: RegExpMatchArray[] = [];
  for (const marker of markers) {
    const number = marker[1] ? Number(marker[1]) : '①②③④⑤⑥⑦⑧⑨⑩'.indexOf(marker[2]!) + 1;
    if (number === numbered.length + 1) numbered.push(marker);
  }
  if (numbered.length >= 2) {
    const starts = numbered.map((marker) => marker.index!);
    return starts.map((start, index) => text.slice(start, starts[index + 1] ?? text.length)).map((part) => part.trim());
  }
  const bullets = text.split(/\s[•·*]\s/);
  return bullets.length >= 2 ? bullets : [text];
}

/** The same item twice ("CT 영상; CT 영상") is one item. */
function withoutDuplicates(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.toLowerCase().replace(/\s+/g, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Budget lines may also be split by commas that are not inside a number. */
function splitBudgetItems(text: string): string[] {
  return splitItems(text, false).flatMap((line) => line.split(/,(?!\d{3}(?!\d))\s*(?=\D)/)).map((item) => item.trim()).filter(Boolean);
}

export function parseDataNeeds(text: string, field: FormField, context: AnswerContext, say: Say): { value: DataNeed[] } | { problem: string } {
  const types = choicesOf(context.form, 'dataTypes');
  const earlier = (Array.isArray(context.answers.dataNeeds) ? context.answers.dataNeeds[0] : undefined) as Partial<DataNeed> | undefined;
  const needs: DataNeed[] = [];
  for (const item of splitItems(text, false)) {
    const type = headChoice(item, types);
    if (!type) {
      return { problem: say('form.unknownDataType', { item, choices: describeChoices(types, say.language) }) };
    }
    const minPatients = parsePatientMinimum(item);
    const period = findYearRange(item);
    const need: DataNeed = {
      type: type as DataNeed['type'],
      description: item,
      ...(earlier?.diseases ? { diseases: earlier.diseases } : {}),
      ...(minPatients ? { minPatients } : earlier?.minPatients ? { minPatients: earlier.minPatients } : {}),
      ...(period ? { period: `${period.from}~${period.to}` } : earlier?.period ? { period: earlier.period } : {}),
    };
    // "심장초음파 판독문" is one need; the same kind with the same words twice is one row.
    if (!needs.some((other) => other.type === need.type && other.description.replace(/\s+/g, '') === need.description.replace(/\s+/g, ''))) needs.push(need);
  }
  const lengthProblem = needs.map((need) => checkLength(need.description, field, field.label[context.language], say)).find(Boolean);
  return lengthProblem ?? checkItems(needs, { ...field, maxLength: undefined }, field.label[context.language], say);
}

/**
 * One data type per item, from its head noun: Korean puts it last ("심장초음파 판독문" is a
 * report, so records), English first ("echocardiography reports of …" before "of").
 * Details in brackets ("(폐결절 환자, 2,000명)") do not decide the type.
 */
function headChoice(item: string, types: ReturnType<typeof choicesOf>): string | undefined {
  const head = item.split(/[(（]/)[0]!.split(/\s(?:of|from|with|for|in|on)\s/i)[0]!;
  for (const part of [head, item]) {
    const ids = matchChoices(part, types);
    if (ids.length === 0) continue;
    if (ids.length === 1) return ids[0];
    const ends = ids.map((id) => ({ id, end: lastMatchEnd(part, types.find((type) => type.id === id)!) }));
    return ends.sort((a, b) => b.end - a.end)[0]!.id;
  }
  return undefined;
}

function lastMatchEnd(text: string, choice: ReturnType<typeof choicesOf>[number]): number {
  const lower = text.toLowerCase();
  return Math.max(...[choice.ko, choice.en, ...choice.synonyms].map((name) => {
    const at = lower.lastIndexOf(name.toLowerCase());
    return at < 0 ? -1 : at + name.length;
  }));
}

export function parseSchedule(text: string, field: FormField, say: Say): { value: ScheduleStep[] } | { problem: string } {
  const steps: ScheduleStep[] = [];
  for (const item of splitItems(text, false)) {
    const split = /^(.+?)\s*[:：]\s*(.+)$/.exec(item) ?? /^(.+?)\s+[-–—]\s+(.+)$/.exec(item)
      ?? /^((?:\d{4}[.\-/]\d{1,2}(?:\s*[~\-]\s*(?:\d{4}[.\-/])?\d{1,2})?|\d+\s*(?:[~\-]\s*\d+\s*)?(?:개월|월|주|분기)(?:\s*차)?|(?:month|week|quarter|Q)\s*\d+(?:\s*[~\-]\s*\d+)?))\s+(.+)$/i.exec(item);
    if (!split) {
      return { problem: say('form.scheduleUnsplit', { item }) };
    }
    steps.push({ period: split[1]!.trim(), task: split[2]!.trim() });
  }
  const problem = steps.map((step) => checkLength(step.task, field, field.label.ko, say)).find(Boolean);
  return problem ?? checkItems(steps, { ...field, maxLength: undefined }, say('form.scheduleLabel'), say);
}

export function parseBudget(text: string, field: FormField, facts: ProgramFacts, say: Say): { value: BudgetItem[] } | { problem: string } {
  const items: BudgetItem[] = [];
  for (const line of splitBudgetItems(text)) {
    const found = findAmount(line);
    if (!found) return { problem: say('form.budgetNoAmount', { line }) };
    if (found.rest === '') return { problem: say('form.budgetNoItem', { amount: formatKrw(found.amountKrw) }) };
    items.push({ item: found.rest, amountKrw: found.amountKrw });
  }
  const checked = checkItems(items, { ...field, maxLength: undefined }, say('form.budgetItemLabel'), say);
  if ('problem' in checked) return checked;
  const total = items.reduce((sum, item) => sum + item.amountKrw, 0);
  const cap = facts.funding.cap_krw;
  if (total > cap) {
    return { problem: say('form.budgetOverCap', { total: formatKrw(total), cap: formatKrw(cap), over: formatKrw(total - cap) }) };
  }
  return checked;
}
