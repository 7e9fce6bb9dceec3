import { join } from 'node:path';
import { statSync } from 'node:fs';
import { z } from 'zod';
import type { Language } from '../messages/language.js';
import { loadDataFile } from '../data-files/load-data-file.js';
import type { PartialAnswers } from './answers-schema.js';

const bilingual = z.object({ ko: z.string().min(1), en: z.string().min(1) });
const checksSchema = z.object({
  version: z.literal(1),
  checks: z.array(z.object({
    id: z.string().min(1),
    rule: bilingual,
    whenAny: z.array(z.string().min(1)).optional(),
    unlessAny: z.array(z.string().min(1)).optional(),
    whenNone: z.array(z.string().min(1)).optional(),
    message: bilingual,
  }).refine((check) => check.whenAny || check.whenNone, 'give whenAny or whenNone')),
});

export type PrivacyCheck = z.output<typeof checksSchema>['checks'][number];
export interface PrivacyFlag { id: string; rule: string; message: string }

export const PRIVACY_CHECKS_FILE = join('forms', 'privacy-checks.yaml');

export function loadPrivacyChecks(knowledgeDir: string): PrivacyCheck[] {
  const file = join(knowledgeDir, PRIVACY_CHECKS_FILE);
  if (!statSync(file, { throwIfNoEntry: false })) return [];
  return loadDataFile(file, checksSchema, 'edit knowledge/forms/privacy-checks.yaml as its header comment describes').checks;
}

/** The words of the plan a privacy reviewer reads: the privacy plan, methods, data and schedule. */
function planText(answers: PartialAnswers): string {
  const parts: unknown[] = [answers.privacyPlan, answers.methods];
  for (const need of Array.isArray(answers.dataNeeds) ? answers.dataNeeds : []) parts.push((need as { description?: unknown }).description);
  for (const step of Array.isArray(answers.schedule) ? answers.schedule : []) parts.push((step as { task?: unknown }).task);
  return parts.filter((part): part is string => typeof part === 'string').join('\n').toLowerCase();
}

/** Each check the plan trips, naming its rule, in the plan's language. */
export function privacyFlags(answers: PartialAnswers, checks: PrivacyCheck[], language: Language): PrivacyFlag[] {
  if (typeof answers.privacyPlan !== 'string' && typeof answers.methods !== 'string') return [];
  const text = planText(answers);
  const has = (words: string[] | undefined) => (words ?? []).some((word) => text.includes(word.toLowerCase()));
  return checks
    .filter((check) => (check.whenAny ? has(check.whenAny) && !has(check.unlessAny) : !has(check.whenNone)))
    .map((check) => ({ id: check.id, rule: check.rule[language], message: check.message[language] }));
}
