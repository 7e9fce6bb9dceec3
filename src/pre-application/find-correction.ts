import type { FormDefinition, FormField } from './form-definition.js';
import { fieldById } from './form-definition.js';
import type { FormState } from './form-state.js';
import type { AnswerContext } from './answer-context.js';
import { parseAnswer } from './parse-answer.js';
import { findLocation } from '../company-facts/places.js';
import { isFilled } from './answer-paths.js';

/** Kinds whose value can be recognised without a named field ("아니 2019년" can only be a year). */
const SHAPED_KINDS = new Set(['year', 'integer', 'email', 'location']);

/** The field a message names ("설립연도", "founding year", "회사 이름"), the longest name winning. */
export function findFieldMention(form: FormDefinition, text: string): { field: FormField; name: string } | undefined {
  let best: { field: FormField; name: string } | undefined;
  const lower = text.toLowerCase();
  for (const field of form.fields) {
    for (const name of [field.label.ko, field.label.en, ...field.aliases]) {
      const wanted = name.toLowerCase();
      const found = /^[\x20-\x7e]+$/.test(wanted)
        ? new RegExp(`(?<![a-z])${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z])`).test(lower)
        : lower.replace(/\s+/g, ' ').includes(wanted) || lower.replace(/\s+/g, '').includes(wanted.replace(/\s+/g, ''));
      if (found && (!best || name.length > best.name.length)) best = { field, name };
    }
  }
  return best;
}

/**
 * The new value inside a correction: "2016 아니고 2019년이에요" → "2019년", "change the
 * founding year to 2019" → "2019", "설립연도 틀렸어요 2019년이에요" → "2019년". Numbers and
 * names are kept as typed; only the words of correcting are taken away.
 */
export function correctionValue(text: string, fieldName?: string): string {
  let value = text.trim();
  const korean = /(?:아니고|아니라|말고|대신)\s*(.+)$/.exec(value);
  const english = /\b(?:to|should be|is|it's|it is|meant|mean)\s+(.+?)(?:,?\s+not\s+.+)?$/i.exec(value);
  if (korean) value = korean[1]!;
  else if (english) value = english[1]!;
  if (fieldName) value = value.replace(new RegExp(fieldName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), ' ');
  value = value
    .replace(/(?:^|\s)(?:아니요|아니오|아니|아뇨|정정(?:할게요|합니다)?|수정|잘못\s*(?:말했|적었|썼|입력했)(?:어요|네요|습니다)?|틀렸(?:어요|네요|습니다)?|실수했(?:어요|네요)|방금\s*거|아까|아+|어|앗|헉)(?=[\s.,:!]|$)[\s.,:!]*/g, ' ')
    .replace(/\b(?:sorry|oops|actually|correction|no wait|no|wait|i made a mistake|please|change|update|set|wrong(?: \w+)?|the|i meant)\b[\s,:.]*/gi, ' ')
    .replace(/(?:(?:으)?로\s*(?:바꿔|고쳐|수정해)\s*주세요|(?:으)?로\s*(?:바꿀게요|고칠게요)|바꿀게요|고쳐\s*주세요)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,.:]+|[\s,.]+$/g, '')
    .replace(/^(?:은|는|이|가)\s+/, '')
    .replace(/(?:이에요|예요|입니다|이요|이야|야)$/, '')
    .trim();
  return value;
}

/**
 * Which earlier answer a correction is about, and its new text. A named field wins; without
 * one, the most recent answer whose kind the new value fits (a year for "아니 2019년").
 */
export function findCorrection(form: FormDefinition, state: FormState, text: string, context: AnswerContext): { field: FormField; raw: string } | undefined {
  const mention = findFieldMention(form, text);
  // Only a field already answered can be corrected: "대표 메일은 … 이고요" inside a business answer names a field, but corrects nothing.
  if (mention) return isFilled(state.answers, mention.field.path) ? { field: mention.field, raw: correctionValue(text, mention.name) } : undefined;
  const raw = correctionValue(text);
  if (raw === '') return undefined;
  // Newest answers first; facts filled from a packed answer were never asked, so they follow in form order.
  const asked = [...state.trail].reverse().map((id) => fieldById(form, id)).filter((field): field is FormField => field !== undefined);
  const answered = [...asked, ...form.fields.filter((field) => !asked.includes(field) && isFilled(state.answers, field.path))];
  const shaped = answered.find((field) => SHAPED_KINDS.has(field.kind) && (field.kind === 'location' ? findLocation(raw) !== undefined : parseAnswer(field, raw, context).ok));
  return shaped ? { field: shaped, raw } : undefined;
}
