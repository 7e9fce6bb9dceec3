import { join } from 'node:path';
import { z } from 'zod';
import { loadDataFile } from '../data-files/load-data-file.js';
import type { Language } from '../messages/language.js';

const bilingual = z.object({ ko: z.string().min(1), en: z.string().min(1) });

export const FIELD_KINDS = [
  'text', 'longtext', 'year', 'integer', 'email', 'location', 'list', 'choices', 'dataNeeds', 'schedule', 'budget',
] as const;

const fieldSchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'use letters and digits only, e.g. companyName'),
  path: z.string().regex(/^[A-Za-z]+(\[\])?(\.[A-Za-z]+)*$/, 'write a dotted path such as company.name or dataNeeds[].period'),
  kind: z.enum(FIELD_KINDS),
  required: z.boolean(),
  requiredWith: z.string().optional(),
  alsoFills: z.array(z.string()).optional(),
  choices: z.string().optional(),
  minLength: z.number().int().nonnegative().optional(),
  maxLength: z.number().int().positive().optional(),
  minItems: z.number().int().nonnegative().optional(),
  maxItems: z.number().int().positive().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  label: bilingual,
  aliases: z.array(z.string()).default([]),
  question: bilingual,
  why: bilingual,
  example: bilingual,
});

/**
 * How drafts saved under an older version of the form are carried to the next one: answers
 * move from old paths to new ones, fields that are gone are dropped (their answers with them).
 */
const migrationSchema = z.object({
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  renamed: z.array(z.object({ id: z.string(), to: z.string(), path: z.string().optional(), toPath: z.string().optional() })).default([]),
  removed: z.array(z.object({ id: z.string(), path: z.string() })).default([]),
}).refine((migration) => migration.to === migration.from + 1, 'a migration goes from one version to the next (to = from + 1)');

const choiceSchema = bilingual.extend({ id: z.string().min(1), synonyms: z.array(z.string().min(1)).min(1) });

export const formDefinitionSchema = z
  .object({
    /** Raise it when fields are renamed or removed, and add the matching entry under migrations. */
    version: z.number().int().positive(),
    migrations: z.array(migrationSchema).default([]),
    title: bilingual,
    fields: z.array(fieldSchema).min(1),
    choices: z.record(z.string(), z.array(choiceSchema).min(1)),
  })
  .superRefine((form, context) => {
    const ids = new Set<string>();
    const paths = new Set(form.fields.map((field) => field.path));
    form.fields.forEach((field, index) => {
      if (ids.has(field.id)) context.addIssue({ code: 'custom', path: ['fields', index, 'id'], message: `the id "${field.id}" is used twice` });
      ids.add(field.id);
      if (field.kind === 'choices' && (!field.choices || !form.choices[field.choices])) {
        context.addIssue({ code: 'custom', path: ['fields', index, 'choices'], message: 'name a list under "choices:" for a choices field' });
      }
      for (const target of field.alsoFills ?? []) {
        if (!paths.has(target)) context.addIssue({ code: 'custom', path: ['fields', index, 'alsoFills'], message: `no field has the path "${target}"` });
      }
    });
    form.fields.forEach((field, index) => {
      if (field.requiredWith && !ids.has(field.requiredWith)) {
        context.addIssue({ code: 'custom', path: ['fields', index, 'requiredWith'], message: `no field has the id "${field.requiredWith}"` });
      }
    });
  });

export type FormDefinition = z.output<typeof formDefinitionSchema>;
export type FormField = FormDefinition['fields'][number];
export type FieldKind = FormField['kind'];
export type Choice = z.output<typeof choiceSchema>;
export type FormMigration = z.output<typeof migrationSchema>;

export const RESEARCH_PLAN_FORM_FILE = join('forms', 'research-plan.yaml');

export function loadResearchPlanForm(knowledgeDir: string): FormDefinition {
  return loadDataFile(
    join(knowledgeDir, RESEARCH_PLAN_FORM_FILE),
    formDefinitionSchema,
    'edit knowledge/forms/research-plan.yaml so the field matches the description in the comments at the top of the file',
  );
}

export function fieldById(form: FormDefinition, id: string): FormField | undefined {
  return form.fields.find((field) => field.id === id);
}

export function fieldByPath(form: FormDefinition, path: string): FormField | undefined {
  return form.fields.find((field) => field.path === path);
}

export function choicesOf(form: FormDefinition, listName: string): Choice[] {
  return form.choices[listName] ?? [];
}

export function labelOf(field: FormField, language: Language): string {
  return field.label[language];
}
