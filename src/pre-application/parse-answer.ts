import { choicesOf, type FormField } from './form-definition.js';
import { extractFacts, findEmail } from './extract-facts.js';
import { findAnyYear } from '../company-facts/founding.js';
import { isEmailAddress } from '../privacy/index.js';
import { findLocation } from '../company-facts/places.js';
import { leadingName } from './leading-name.js';
import { parseAmountKrw } from '../korean-numbers/amounts.js';
import { parseNativeCount } from '../korean-numbers/native-counts.js';
import { describeChoices, matchChoices } from './match-choices.js';
import type { AnswerContext } from './answer-context.js';
import { parseBudget, parseDataNeeds, parseSchedule, splitItems } from './parse-structured-answer.js';
import { checkItems, checkLength, type Say } from './answer-limits.js';
import { textIn } from '../messages/messages.js';

export type ParsedAnswer =
  | { ok: true; value: unknown; extras: { path: string; value: unknown }[] }
  /** Extras found in a rejected answer are still the user's words: the caller keeps them. */
  | { ok: false; problem: string; extras?: { path: string; value: unknown }[] };

/**
 * Turns one typed answer into the value stored for a field, or a specific problem in the
 * user's language. Pure: the caller decides what to keep, so an invalid answer never
 * touches earlier answers.
 */
export function parseAnswer(field: FormField, raw: string, context: AnswerContext): ParsedAnswer {
  const text = raw.trim();
  const say = textIn(context.language);
  const extras = extractFacts(text, (field.alsoFills ?? []).filter((path) => path !== field.path));
  const parsed = parseValue(field, text, context, say, extras.length > 0);
  if ('problem' in parsed) return { ok: false, problem: parsed.problem, ...(extras.length > 0 ? { extras } : {}) };
  return { ok: true, value: parsed.value, extras };
}

function parseValue(field: FormField, text: string, context: AnswerContext, say: Say, packed: boolean): { value: unknown } | { problem: string } {
  const label = field.label[context.language];
  switch (field.kind) {
    case 'text': {
      // A name field that may carry other facts ("RetinaLab Inc., we're in Gangnam-gu") keeps only the name.
      if (!field.alsoFills?.length) return checkLength(text, field, label, say) ?? { value: text };
      const name = leadingName(text);
      if (name === undefined) {
        return { problem: say('form.nameOnly', { otherNoted: packed ? say('form.otherDetailsNoted') : '', label, example: field.example[say.language] }) };
      }
      return checkLength(name, field, label, say) ?? { value: name };
    }
    case 'longtext':
      return checkLength(text, field, label, say) ?? { value: text };
    case 'location': {
      const value = findLocation(text) ?? text;
      return checkLength(value, field, label, say) ?? { value };
    }
    case 'year': {
      const year = findAnyYear(text);
      if (year === undefined) return { problem: say('form.fourDigitYear', { label }) };
      if (year > context.now.getFullYear()) return { problem: say('form.futureYear', { year }) };
      return { value: year };
    }
    case 'integer': {
      const bare = text.replace(/직원|임직원|환자|최소|약|총|이상|정도|명|people|patients|employees|staff|about|around|at least|or more/gi, '').replace(/[?？~]+$/, '').trim();
      // "직원은 지금 14명 정도?": when the words around it are not a number, the one number written is the answer.
      const numbers = [...text.matchAll(/\d[\d,]*(?:\.\d+)?\s*[천만]?/g)].map((match) => match[0]);
      // Only in a short answer or next to a count word: "1차 의료기관" in a sentence is not 1.
      const counted = /\d[\d,]*\s*[천만]?\s*(?:명|people|patients|employees|staff)/i.test(text) || [...text].length <= 20;
      const number = parseAmountKrw(bare) ?? parseNativeCount(bare) ?? (numbers.length === 1 && counted && !/(?:19|20)\d{2}\s*년/.test(text) ? parseAmountKrw(numbers[0]!) : undefined);
      if (number === undefined) return { problem: say('form.giveNumber', { label, example: field.example[say.language] }) };
      if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) {
        return { problem: say('form.numberRange', { label, min: field.min ?? 0, max: field.max ?? '∞' }) };
      }
      return { value: number };
    }
    case 'email': {
      const email = findEmail(text);
      if (!email || !isEmailAddress(email)) {
        return { problem: say('form.notEmail', { text }) };
      }
      return checkLength(email, field, label, say) ?? { value: email };
    }
    case 'list':
      return checkItems(splitItems(text, (field.maxLength ?? 1000) <= 100), field, label, say);
    case 'choices': {
      const choices = choicesOf(context.form, field.choices ?? '');
      const ids = matchChoices(text, choices);
      if (ids.length === 0) {
        return { problem: say('form.chooseFrom', { choices: describeChoices(choices, say.language) }) };
      }
      return checkItems(ids, { ...field, maxLength: undefined }, label, say);
    }
    case 'dataNeeds':
      return parseDataNeeds(text, field, context, say);
    case 'schedule':
      return parseSchedule(text, field, say);
    case 'budget':
      return parseBudget(text, field, context.facts, say);
  }
}
