import type { ProgramFacts } from '../program/program-facts.js';
import type { BudgetItem, DataNeed, ScheduleStep } from './answers-schema.js';
import { choicesOf, type FormField } from './form-definition.js';
import { describeChoices, matchChoices } from './match-choices.js';
import { findAmount, formatKrw } from './parse-amount.js';
import type { AnswerContext } from './parse-answer.js';
import { checkItems, checkLength, type Say } from './answer-limits.js';

/**
 * Answers that hold several entries, one per line or ";": data needs, schedule, budget.
 * Bullets and numbering ("1.", "-", "•") are dropped; commas split only short lists
 * (diseases, hospitals) and never a number such as "20,000,000".
 */
export function splitItems(text: string, splitCommas: boolean): string[] {
  let items = text.split(/\n|;|；/);
  if (items.length === 1 && splitCommas) items = text.split(/,(?!\d{3})|、/);
  return items.map((item) => item.replace(/^\s*(?:[-•*·]|\d+[.)])\s+/, '').trim()).filter((item) => item.length > 0);
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
    const ids = matchChoices(item, types);
    if (ids.length === 0) {
      return { problem: say(
        `"${item}"이(가) 어떤 종류의 데이터인지 모르겠어요. 다음 중 하나를 함께 적어 주세요:\n${describeChoices(types, 'ko')}`,
        `I cannot tell which kind of data "${item}" is. Please name one of:\n${describeChoices(types, 'en')}`) };
    }
    const minPatients = /(\d[\d,]*)\s*(?:명|patients|cases|subjects|건)/i.exec(item)?.[1];
    const period = /((?:19|20)\d{2})\s*(?:년)?\s*[~\-–]\s*((?:19|20)\d{2})/.exec(item);
    for (const type of ids) {
      needs.push({
        type: type as DataNeed['type'],
        description: item,
        ...(earlier?.diseases ? { diseases: earlier.diseases } : {}),
        ...(minPatients ? { minPatients: Number(minPatients.replace(/,/g, '')) } : earlier?.minPatients ? { minPatients: earlier.minPatients } : {}),
        ...(period ? { period: `${period[1]}~${period[2]}` } : earlier?.period ? { period: earlier.period } : {}),
      });
    }
  }
  const lengthProblem = needs.map((need) => checkLength(need.description, field, field.label[context.language], say)).find(Boolean);
  return lengthProblem ?? checkItems(needs, { ...field, maxLength: undefined }, field.label[context.language], say);
}

export function parseSchedule(text: string, field: FormField, say: Say): { value: ScheduleStep[] } | { problem: string } {
  const steps: ScheduleStep[] = [];
  for (const item of splitItems(text, false)) {
    const split = /^(.+?)\s*[:：]\s*(.+)$/.exec(item) ?? /^(.+?)\s+[-–—]\s+(.+)$/.exec(item)
      ?? /^((?:\d{4}[.\-/]\d{1,2}(?:\s*[~\-]\s*(?:\d{4}[.\-/])?\d{1,2})?|\d+\s*(?:[~\-]\s*\d+\s*)?(?:개월|월|주|분기)(?:\s*차)?|(?:month|week|quarter|Q)\s*\d+(?:\s*[~\-]\s*\d+)?))\s+(.+)$/i.exec(item);
    if (!split) {
      return { problem: say(
        `"${item}"에서 기간과 할 일을 나누지 못했어요. "기간: 할 일" 형식으로 적어 주세요. 예: 1~2개월: IRB·DRB 심의`,
        `I could not separate the period and the task in "${item}". Write "period: task", e.g. Month 1-2: IRB and DRB review.`) };
    }
    steps.push({ period: split[1]!.trim(), task: split[2]!.trim() });
  }
  const problem = steps.map((step) => checkLength(step.task, field, field.label.ko, say)).find(Boolean);
  return problem ?? checkItems(steps, { ...field, maxLength: undefined }, say('추진 일정', 'schedule'), say);
}

export function parseBudget(text: string, field: FormField, facts: ProgramFacts, say: Say): { value: BudgetItem[] } | { problem: string } {
  const items: BudgetItem[] = [];
  for (const line of splitBudgetItems(text)) {
    const found = findAmount(line);
    if (!found) return { problem: say(`"${line}"에서 금액을 찾지 못했어요. 예: 데이터 가공비 2천만원`, `I found no amount in "${line}". Example: Data processing 20,000,000 KRW`) };
    if (found.rest === '') return { problem: say(`${formatKrw(found.amountKrw)}원이 어떤 항목인지 적어 주세요. 예: 데이터 가공비 2천만원`, `Please name the item for ${formatKrw(found.amountKrw)} KRW, e.g. Data processing 20,000,000 KRW`) };
    items.push({ item: found.rest, amountKrw: found.amountKrw });
  }
  const checked = checkItems(items, { ...field, maxLength: undefined }, say('예산 항목', 'budget item'), say);
  if ('problem' in checked) return checked;
  const total = items.reduce((sum, item) => sum + item.amountKrw, 0);
  const cap = facts.funding.cap_krw;
  if (total > cap) {
    return { problem: say(
      `예산 합계 ${formatKrw(total)}원이 지원 한도 ${formatKrw(cap)}원을 넘습니다 (${formatKrw(total - cap)}원 초과). 금액을 줄여 전체 목록을 다시 적어 주세요.`,
      `The budget total of ${formatKrw(total)} KRW exceeds the ${formatKrw(cap)} KRW cap by ${formatKrw(total - cap)} KRW. Please send the whole list again with smaller amounts.`) };
  }
  return checked;
}
