import type { ProgramFacts } from '../program/program-facts.js';
import { DATA_TYPES, PURPOSES, researchPlanAnswersSchema, type ResearchPlanAnswers } from './answers-schema.js';
import { choicesOf, type FormDefinition } from './form-definition.js';
import { getAt, isEachPath } from './answer-paths.js';
import { matchChoices } from './match-choices.js';
import { formatKrw, parseAmountKrw } from './parse-amount.js';
import { foundedYearWarning, locationWarning } from './eligibility-checks.js';

export type AnswersValidation =
  | { ok: true; answers: ResearchPlanAnswers; warnings: string[] }
  | { ok: false; problems: string[]; warnings: string[] };

/**
 * Checks a whole answers file (the CLI, and a finished conversation) against the schema,
 * the form's limits and the program rules. Each problem names the field and the rule, in
 * English, one per line.
 */
export function validateAnswers(raw: unknown, form: FormDefinition, facts: ProgramFacts, now: Date): AnswersValidation {
  const parsed = researchPlanAnswersSchema.safeParse(normaliseAnswers(raw, form));
  if (!parsed.success) {
    return { ok: false, warnings: [], problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'answers'}: ${issue.message}`) };
  }
  const answers = parsed.data;
  const problems = [...limitProblems(answers, form)];
  const total = answers.budget.reduce((sum, item) => sum + item.amountKrw, 0);
  const cap = facts.funding.cap_krw;
  if (total > cap) problems.push(`budget: total ${formatKrw(total)} KRW exceeds the ${formatKrw(cap)} KRW cap`);
  if (answers.contact && !/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(answers.contact.email)) {
    problems.push(`contact.email: "${answers.contact.email}" is not an email address`);
  }
  if (answers.company.foundedYear > now.getFullYear()) problems.push(`company.foundedYear: ${answers.company.foundedYear} is in the future`);
  const warnings = [
    locationWarning(answers.company.location, facts, 'en'),
    foundedYearWarning(answers.company.foundedYear, facts, now, 'en'),
  ].filter((warning): warning is string => warning !== undefined);
  return problems.length > 0 ? { ok: false, problems, warnings } : { ok: true, answers, warnings };
}

function limitProblems(answers: ResearchPlanAnswers, form: FormDefinition): string[] {
  const problems: string[] = [];
  for (const field of form.fields) {
    if (isEachPath(field.path)) continue;
    const value = getAt(answers, field.path);
    if (value === undefined) continue;
    const texts = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : [];
    for (const text of texts) {
      const length = [...text].length;
      if (field.minLength !== undefined && length < field.minLength) problems.push(`${field.path}: needs at least ${field.minLength} characters (has ${length})`);
      if (field.maxLength !== undefined && length > field.maxLength) problems.push(`${field.path}: at most ${field.maxLength} characters (has ${length})`);
    }
    if (Array.isArray(value) && field.maxItems !== undefined && value.length > field.maxItems) {
      problems.push(`${field.path}: at most ${field.maxItems} entries (has ${value.length})`);
    }
  }
  return problems;
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
      if (need && typeof need.type === 'string' && !(DATA_TYPES as readonly string[]).includes(need.type)) {
        need.type = matchChoices(need.type, choicesOf(form, 'dataTypes'))[0] ?? need.type;
      }
    }
  }
  if (Array.isArray(answers.purposes)) {
    answers.purposes = (answers.purposes as unknown[]).map((purpose) =>
      typeof purpose === 'string' && !(PURPOSES as readonly string[]).includes(purpose) ? matchChoices(purpose, choicesOf(form, 'purposes'))[0] ?? purpose : purpose);
  }
  return answers;
}
