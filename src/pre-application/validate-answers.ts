import type { Language } from '../messages/language.js';
import type { ProgramFacts } from '../program/program-facts.js';
import { researchPlanAnswersSchema, type ResearchPlanAnswers } from './answers-schema.js';
import { choicesOf, type Choice, type FormDefinition } from './form-definition.js';
import { getAt, isEachPath } from './answer-paths.js';
import { formatKrw, parseAmountKrw } from '../korean-numbers/amounts.js';
import { foundedYearWarning, locationWarning } from './eligibility-checks.js';
import { describeIssue, formatProblem, labelFor, type AnswerProblem } from './answer-problems.js';
import { isEmailAddress } from '../privacy/index.js';
import { textInEach } from '../messages/messages.js';

export type AnswersValidation =
  | { ok: true; answers: ResearchPlanAnswers; warnings: string[] }
  | { ok: false; problems: string[]; issues: AnswerProblem[]; warnings: string[] };

/**
 * Checks a whole answers file (the CLI, and a finished conversation) against the schema,
 * the form's limits and the program rules, and reports every problem at once, field by
 * field, in the given language: "path: what is wrong and how to fix it".
 */
export function validateAnswers(raw: unknown, form: FormDefinition, facts: ProgramFacts, now: Date, language: Language = 'en'): AnswersValidation {
  const normalised = normaliseAnswers(raw, form);
  const parsed = researchPlanAnswersSchema.safeParse(normalised);
  const lists = { type: choicesOf(form, 'dataTypes'), dataNeeds: choicesOf(form, 'dataTypes'), purposes: choicesOf(form, 'purposes') };
  const schemaProblems = parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(form, issue, normalised, lists));
  // Rules run on whatever is readable, so one run reports every problem at once.
  const loose = (normalised && typeof normalised === 'object' ? normalised : {}) as Partial<ResearchPlanAnswers>;
  const issues = [...schemaProblems, ...limitProblems(loose, form), ...ruleProblems(loose, form, facts, now)];
  const company = loose.company;
  const warnings = [
    typeof company?.location === 'string' ? locationWarning(company.location, facts, language) : undefined,
    typeof company?.foundedYear === 'number' ? foundedYearWarning(company.foundedYear, facts, now, language) : undefined,
  ].filter((warning): warning is string => warning !== undefined);
  if (!parsed.success || issues.length > 0) return { ok: false, problems: issues.map((issue) => formatProblem(issue, language)), issues, warnings };
  return { ok: true, answers: parsed.data, warnings };
}

function ruleProblems(answers: Partial<ResearchPlanAnswers>, form: FormDefinition, facts: ProgramFacts, now: Date): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const amounts = Array.isArray(answers.budget) ? answers.budget.map((item) => item?.amountKrw).filter((amount): amount is number => typeof amount === 'number') : [];
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  const cap = facts.funding.cap_krw;
  if (total > cap) {
    problems.push({ path: 'budget', ...textInEach('form.answersOverCap', () => ({ total: formatKrw(total), cap: formatKrw(cap), over: formatKrw(total - cap) })) });
  }
  const contact = answers.contact as { name?: unknown; email?: unknown } | undefined;
  if (typeof contact?.email === 'string' && !isEmailAddress(contact.email)) {
    problems.push({ path: 'contact.email', ...textInEach('form.answersNotEmail', () => ({ email: contact.email as string })) });
  }
  // The form's requiredWith: a contact name needs an e-mail to reach them; an e-mail alone is enough.
  for (const field of form.fields.filter((candidate) => candidate.requiredWith)) {
    const partner = form.fields.find((candidate) => candidate.id === field.requiredWith);
    if (!partner || getAt(answers as Record<string, unknown>, partner.path) === undefined || getAt(answers as Record<string, unknown>, field.path) !== undefined) continue;
    problems.push({ path: field.path, ...textInEach('form.answersNeedsPartner', (language) => ({ partner: partner.label[language], field: field.label[language] })) });
  }
  const year = answers.company?.foundedYear;
  if (typeof year === 'number' && year > now.getFullYear()) {
    problems.push({ path: 'company.foundedYear', ...textInEach('form.answersFutureYear', () => ({ year })) });
  }
  return problems;
}

function limitProblems(answers: Partial<ResearchPlanAnswers>, form: FormDefinition): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const field of form.fields) {
    if (isEachPath(field.path)) continue;
    const value = getAt(answers as Record<string, unknown>, field.path);
    if (value === undefined) continue;
    const path = field.path.split('.');
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : [];
    for (const [index, text] of texts.entries()) {
      const length = [...text].length;
      if (length === 0) continue;
      // A list entry is named with its number in both languages ("연구 목표 2번째", "objectives #2").
      const label = (language: Language) => labelFor(form, Array.isArray(value) ? [...path, index] : path, language);
      if (field.minLength !== undefined && length < field.minLength) {
        problems.push({ path: field.path, ...textInEach('form.answersTooShort', (language) => ({ field: label(language), min: field.minLength!, length })) });
      }
      if (field.maxLength !== undefined && length > field.maxLength) {
        problems.push({ path: field.path, ...textInEach('form.answersTooLong', (language) => ({ field: label(language), max: field.maxLength!, length })) });
      }
    }
    if (Array.isArray(value) && field.maxItems !== undefined && value.length > field.maxItems) {
      problems.push({ path: field.path, ...textInEach('form.answersTooManyItems', (language) => ({ field: field.label[language], max: field.maxItems!, count: value.length })) });
    }
  }
  return problems;
}

/** Exactly a code, a label or a listed synonym ("CT", "AI"); anything else ("xray") is reported with the allowed list. */
function choiceId(written: string, choices: Choice[]): string | undefined {
  const wanted = written.trim().toLowerCase();
  return choices.find((choice) => [choice.id, choice.ko, choice.en, ...choice.synonyms].some((name) => name.toLowerCase() === wanted))?.id;
}

/** Accepts what people write in a hand-made file: "2천만원" amounts, "CT" or "AI" for the codes. */
function normaliseAnswers(raw: unknown, form: FormDefinition): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const answers = structuredClone(raw) as Record<string, unknown>;
  if (Array.isArray(answers.budget)) {
    for (const item of answers.budget as Record<string, unknown>[]) {
      if (item && typeof item.amountKrw === 'string') item.amountKrw = parseAmountKrw(item.amountKrw) ?? item.amountKrw;
    }
  }
  if (Array.isArray(answers.dataNeeds)) {
    for (const need of answers.dataNeeds as Record<string, unknown>[]) {
      if (need && typeof need.type === 'string') need.type = choiceId(need.type, choicesOf(form, 'dataTypes')) ?? need.type;
    }
  }
  if (Array.isArray(answers.purposes)) {
    answers.purposes = (answers.purposes as unknown[]).map((purpose) => (typeof purpose === 'string' ? choiceId(purpose, choicesOf(form, 'purposes')) ?? purpose : purpose));
  }
  return answers;
}
