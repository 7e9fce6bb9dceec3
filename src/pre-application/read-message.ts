import type { FormDefinition, FormField } from './form-definition.js';
import type { FormState } from './form-state.js';
import type { UtteranceIntentModel } from './utterance-intent.js';
import type { AnswerContext } from './answer-context.js';
import { parseAnswer } from './parse-answer.js';
import { findCorrection } from './find-correction.js';
import { findLocation } from '../company-facts/places.js';

export type MessageReading =
  | { kind: 'answer' }
  | { kind: 'question' }
  | { kind: 'correction'; field: FormField; raw: string };

/** Kinds where a value either fits or does not, so "14명 정도?" can be told from a question. */
const CHECKABLE_KINDS = new Set(['year', 'integer', 'email', 'location', 'choices']);
/** Question words: a message that has one asks, even if a number in it would fit. A closed list is the truth here. */
const INTERROGATIVE = /(언제|뭐|무엇|무슨|어떻게|어떤|얼마|어디|왜|누가|누구|되나요|있나요|하나요|돼요\?|\b(?:when|what|how|why|where|who|which|can|could|should|do|does|is|are)\b)/i;

/**
 * What a message does while the form waits for `field`: answers it, asks something, or
 * corrects an earlier answer. The learned intent decides first; the field decides the rest:
 * an answer ending in "?" is still an answer when its value fits the field.
 */
export function readMessage(
  input: string,
  field: FormField | undefined,
  state: FormState,
  context: AnswerContext & { form: FormDefinition; intents: UtteranceIntentModel },
): MessageReading {
  const text = input.trim();
  const guess = context.intents.classify(text);
  if (guess.intent === 'correction' && state.trail.length > 0) {
    const correction = findCorrection(context.form, state, text, context);
    if (correction && correction.field.id !== field?.id) return { kind: 'correction', ...correction };
  }
  // Without a question mark the model must be sure: a short answer ("돈 벌기") is not a question.
  const asks = /[?？]$/.test(text) ? guess.intent !== 'answer' : guess.intent === 'question' && guess.confidence >= 0.9;
  if (!field) return { kind: 'question' };
  if (!asks) return { kind: 'answer' };
  if (CHECKABLE_KINDS.has(field.kind) && !INTERROGATIVE.test(text) && fits(field, text.replace(/[?？]+$/, ''), context)) return { kind: 'answer' };
  const freeText = field.kind === 'longtext' || field.kind === 'text';
  // Long free-text answers may end with a question mark; a question to Itda is short.
  if (freeText && [...text].length > 60) return { kind: 'answer' };
  return { kind: 'question' };
}

function fits(field: FormField, text: string, context: AnswerContext): boolean {
  if (field.kind === 'location') return findLocation(text) !== undefined;
  return parseAnswer(field, text, context).ok;
}
