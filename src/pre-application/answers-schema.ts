import { z } from 'zod';

/**
 * The answers file the CLI reads and the shape a finished draft has. Extra fields are kept
 * (loose objects) so staff tools can add notes without breaking validation.
 */
export const DATA_TYPES = [
  'emr', 'imaging', 'biosignal', 'genomic', 'pathology', 'registry', 'lifelog', 'specialty_db', 'cdm', 'claims', 'other',
] as const;
export const PURPOSES = ['clinical_evidence', 'trial_design', 'ai_development', 'post_market', 'indication_expansion'] as const;

export type DataType = (typeof DATA_TYPES)[number];
export type Purpose = (typeof PURPOSES)[number];

const text = z.string().trim().min(1, 'must not be empty');

export const dataNeedSchema = z.looseObject({
  type: z.enum(DATA_TYPES),
  description: text,
  diseases: z.array(text).optional(),
  minPatients: z.number().int().positive().optional(),
  period: text.optional(),
});

export const researchPlanAnswersSchema = z.looseObject({
  company: z.looseObject({
    name: text,
    location: text,
    foundedYear: z.number().int().min(1900, 'write a four-digit year').max(2100, 'write a four-digit year'),
    employees: z.number().int().positive().optional(),
    business: text,
  }),
  // Both optional: the form asks for an e-mail whenever a name is given (requiredWith), checked in validate-answers.
  contact: z.looseObject({ name: text.optional(), email: text.optional() }).optional(),
  title: text,
  background: text,
  objectives: z.array(text).min(1, 'list at least one objective'),
  dataNeeds: z.array(dataNeedSchema).min(1, 'list at least one data need'),
  purposes: z.array(z.enum(PURPOSES)).min(1, 'name at least one purpose'),
  methods: text,
  privacyPlan: text,
  schedule: z.array(z.looseObject({ period: text, task: text })).min(1, 'list at least one schedule step'),
  budget: z.array(z.looseObject({ item: text, amountKrw: z.number().int().positive('must be a positive amount in KRW') })).min(1, 'list at least one budget item'),
  expectedOutcomes: text,
  preferredHospitals: z.array(text).optional(),
});

export type ResearchPlanAnswers = z.output<typeof researchPlanAnswersSchema>;
export type DataNeed = z.output<typeof dataNeedSchema>;
export type BudgetItem = ResearchPlanAnswers['budget'][number];
export type ScheduleStep = ResearchPlanAnswers['schedule'][number];

/** Answers while the form is being filled: any part may still be missing. */
export type PartialAnswers = Record<string, unknown>;
