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
  const normalised = normaliseAnswers(raw, form);
  const parsed = researchPlanAnswersSchema.safeParse(normalised);
  const schemaProblems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'answers'}: ${issue.message}`);
  // Rules run on whatever is readable, so one run reports every problem at once.
  const loose = (normalised && typeof normalised === 'object' ? normalised : {}) as Partial<ResearchPlanAnswers>;
  const problems = [...schemaProblems, ...limitProblems(loose, form), ...ruleProblems(loose, facts, now)];
  const company = loose.company;
  const warnings = [
    typeof company?.location === 'string' ? locationWarning(company.location, facts, 'en') : undefined,
    typeof company?.foundedYear === 'number' ? foundedYearWarning(company.foundedYear, facts, now, 'en') : undefined,
  ].filter((warning): warning is string => warning !== undefined);
  if (!parsed.success || problems.length > 0) return { ok: false, problems, warnings };
  return { ok: true, answers: parsed.data, warnings };
}

function ruleProblems(answers: Partial<ResearchPlanAnswers>, facts: ProgramFacts, now: Date): string[] {
  const problems: string[] = [];
  const amounts = Array.isArray(answers.budget) ? answers.budget.map((item) => item?.amountKrw).filter((amount): amount is number => typeof amount === 'number') : [];
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  const cap = facts.funding.cap_krw;
  if (total > cap) problems.push(`budget: total ${formatKrw(total)} KRW exceeds the ${formatKrw(cap)} KRW cap`);
  const email = answers.contact?.email;
  if (typeof email === 'string' && !/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(email)) problems.push(`contact.email: "${email}" is not an email address`);
  const year = answers.company?.foundedYear;
  if (typeof year === 'number' && year > now.getFullYear()) problems.push(`company.foundedYear: ${year} is in the future`);
  return problems;
}

function limitProblems(answers: Partial<ResearchPlanAnswers>, form: FormDefinition): string[] {
  const problems: string[] = [];
  for (const field of form.fields) {
    if (isEachPath(field.path)) continue;
    const value = getAt(answers as Record<string, unknown>, field.path);
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
