import { fieldById, fieldByPath, type FormField } from './form-definition.js';
import { parseFormCommand, type FormCommand } from './form-commands.js';
import { readMessage } from './read-message.js';
import { correctAnswer } from './correct-answer.js';
import { ask, eligibilityWarnings, questionReply, type FormContext, type FormStep } from './form-step.js';
import { parseAnswer } from './parse-answer.js';
import { setAt } from './answer-paths.js';
import { textIn } from '../messages/messages.js';
import { formatValue, helpText, statusText } from './form-display.js';
import { isRequired, nextOpenField, type FormState } from './form-state.js';

/**
 * One user message in, the new state and replies out. Pure and synchronous, so every rule
 * of the conversation can be tested as a transcript without storage or a chat model.
 */
export function advanceForm(context: FormContext, state: FormState, input: string): FormStep {
  const command = parseFormCommand(input, context.form);
  if (state.awaiting === 'cancel') {
    if (command?.kind === 'yes') return { state: { ...state, awaiting: undefined }, replies: [], effect: { kind: 'cancelled' } };
    const resumed = { ...state, awaiting: undefined };
    if (command?.kind === 'no') return ask(context, resumed, [textIn(state.language)('form.notCancelled')]);
    return advanceForm(context, resumed, input);
  }
  if (command) return runCommand(context, state, command);
  const field = state.current ? fieldById(context.form, state.current) : undefined;
  // Once the form is complete, a bare number presses the numbered buttons shown with the draft.
  const button = !field ? REVIEW_BUTTONS[input.trim()] : undefined;
  if (button) return runCommand(context, state, button);
  const reading = readMessage(input, field, state, { ...context, language: state.language, answers: state.answers });
  if (reading.kind === 'correction') return correctAnswer(context, state, reading.field, reading.raw);
  if (!field || reading.kind === 'question') return { state, replies: field ? [questionReply(context, state, field)] : [], effect: { kind: 'question', text: input } };
  return answer(context, state, field, input);
}

/** In the order of draftButtons(): Markdown, Word, submit. */
const REVIEW_BUTTONS: Record<string, FormCommand> = {
  '1': { kind: 'export', format: 'md' },
  '2': { kind: 'export', format: 'docx' },
  '3': { kind: 'submit' },
};

function answer(context: FormContext, state: FormState, field: FormField, input: string): FormStep {
  const say = textIn(state.language);
  const parsed = parseAnswer(field, input, { ...context, language: state.language, answers: state.answers });
  if (!parsed.ok) {
    const onward = answerForTheNextQuestion(context, state, field, input);
    if (onward) return onward;
    const kept = keepExtras(context, state, parsed.extras ?? []);
    return { state: { ...state, answers: kept.answers }, replies: [{ text: [...kept.notes, parsed.problem, say('form.tryAgain')].join('\n') }] };
  }
  let answers = setAt(state.answers, field.path, parsed.value);
  const notes: string[] = [];
  const filledExtras: string[] = [];
  for (const extra of parsed.extras) {
    const target = fieldByPath(context.form, extra.path);
    if (!target) continue;
    answers = setAt(answers, extra.path, extra.value);
    filledExtras.push(`${target.label[state.language]} = ${formatValue(context.form, target, extra.value, state.language)}`);
  }
  const confirmation = filledExtras.length > 0
    ? say('form.alsoNoted', { extras: filledExtras.join(', ') })
    : undefined;
  const stored = formatValue(context.form, field, parsed.value, state.language);
  notes.push(say('form.stored', { label: field.label[state.language], value: stored }));
  if (confirmation) notes.push(confirmation);
  notes.push(...eligibilityWarnings(context, state, [field.path, ...parsed.extras.map((extra) => extra.path)], answers));
  const skipped = state.skipped.filter((id) => id !== field.id);
  const next = nextOpenField(context.form, { answers, skipped });
  const trail = [...state.trail.filter((id) => id !== field.id), field.id];
  return ask(context, { ...state, answers, skipped, trail, current: next?.id }, notes);
}

const FREE_TEXT_KINDS = new Set<FormField['kind']>(['text', 'longtext']);

/**
 * "흉부 엑스레이 AI 판독 보조 솔루션 만들어요" while the optional employee count is asked: words
 * with no number in them, at an optional question that wants one, that the next question (a
 * description) accepts, answer the next question. The optional one is skipped and the words filed there,
 * said so with the way back, instead of asking for a number the founder chose not to give.
 */
function answerForTheNextQuestion(context: FormContext, state: FormState, field: FormField, input: string): FormStep | undefined {
  if (FREE_TEXT_KINDS.has(field.kind) || isRequired(context.form, field, state.answers) || /\d/.test(input)) return undefined;
  const { skipped, trail } = passedOver(state, field);
  const next = nextOpenField(context.form, { answers: state.answers, skipped });
  // Only a description (longtext) next: "이메일은 나중에 드릴게요" at the optional e-mail is no title.
  if (!next || next.kind !== 'longtext') return undefined;
  if (!parseAnswer(next, input, { ...context, language: state.language, answers: state.answers }).ok) return undefined;
  const step = answer(context, { ...state, skipped, trail, current: next.id }, next, input);
  const say = textIn(state.language);
  const note = say('form.skippedForNext', { skipped: field.label[state.language], next: next.label[state.language] });
  return { ...step, replies: [{ text: note }, ...step.replies] };
}

/** A field left behind unanswered (skipped, or passed for the next question): marked skipped, and the way back to it kept. */
function passedOver(state: FormState, field: FormField): Pick<FormState, 'skipped' | 'trail'> {
  return { skipped: [...new Set([...state.skipped, field.id])], trail: [...state.trail.filter((id) => id !== field.id), field.id] };
}

/** Facts from an answer that was itself rejected: stored and confirmed, so nothing typed is lost. */
function keepExtras(context: FormContext, state: FormState, extras: { path: string; value: unknown }[]): { answers: FormState['answers']; notes: string[] } {
  let answers = state.answers;
  const filled: string[] = [];
  for (const extra of extras) {
    const target = fieldByPath(context.form, extra.path);
    if (!target) continue;
    answers = setAt(answers, extra.path, extra.value);
    filled.push(`${target.label[state.language]} = ${formatValue(context.form, target, extra.value, state.language)}`);
  }
  const say = textIn(state.language);
  const notes = filled.length > 0 ? [say('form.noted', { extras: filled.join(', ') }), ...eligibilityWarnings(context, state, extras.map((extra) => extra.path), answers)] : [];
  return { answers, notes };
}

function runCommand(context: FormContext, state: FormState, command: FormCommand): FormStep {
  const say = textIn(state.language);
  const field = state.current ? fieldById(context.form, state.current) : undefined;
  switch (command.kind) {
    case 'back': {
      const previous = state.trail[state.trail.length - 1];
      if (!previous) return ask(context, state, [say('form.firstQuestion')]);
      const trail = state.trail.slice(0, -1);
      const skipped = state.skipped.filter((id) => id !== previous);
      return ask(context, { ...state, trail, skipped, current: previous }, [say('form.backToPrevious')]);
    }
    case 'skip': {
      if (!field) return ask(context, state);
      if (isRequired(context.form, field, state.answers)) {
        return ask(context, state, [say('form.requiredCannotSkip', { label: field.label[state.language] })]);
      }
      const { skipped, trail } = passedOver(state, field);
      const answers = setAt(state.answers, field.path, undefined);
      const next = nextOpenField(context.form, { answers, skipped });
      return ask(context, { ...state, answers, skipped, trail, current: next?.id }, [say('form.skipped', { label: field.label[state.language] })]);
    }
    case 'edit': {
      if (!command.field) {
        const names = context.form.fields.map((entry) => entry.label[state.language]).join(', ');
        return ask(context, state, [say('form.fieldNotFound', { target: command.target, names })]);
      }
      const target = command.field;
      const trail = state.current && state.current !== target.id ? [...state.trail.filter((id) => id !== state.current), state.current] : state.trail;
      return ask(context, { ...state, trail, current: target.id, skipped: state.skipped.filter((id) => id !== target.id) }, [say('form.editing', { label: target.label[state.language] })]);
    }
    case 'status':
      return ask(context, state, [statusText(context.form, state.answers, state.skipped, state.language)]);
    case 'help':
      return ask(context, state, [helpText(state.language)]);
    case 'cancel':
      return {
        state: { ...state, awaiting: 'cancel' },
        replies: [{ text: say('form.confirmCancel') }],
      };
    case 'language':
      return ask(context, { ...state, language: command.language }, [textIn(command.language)('form.switchedLanguage')]);
    case 'export':
      return { state, replies: [], effect: { kind: 'export', format: command.format } };
    case 'submit':
      return { state, replies: [], effect: { kind: 'submit' } };
    case 'yes':
    case 'no':
      if (command.kind === 'no' && field && !isRequired(context.form, field, state.answers)) return runCommand(context, state, { kind: 'skip' });
      return field ? answer(context, state, field, say(command.kind === 'yes' ? 'form.yes' : 'form.no')) : ask(context, state);
  }
}
