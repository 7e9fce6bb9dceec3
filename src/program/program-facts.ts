import { join } from 'node:path';
import { z } from 'zod';
import { loadDataFile } from '../data-files/load-data-file.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD, e.g. 2025-04-28');
const isoMonth = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'write the month as YYYY-MM, e.g. 2025-05');
const bilingual = z.object({ ko: z.string().min(1), en: z.string().min(1) });

const roundSchema = z.object({
  id: z.string().min(1),
  name: bilingual,
  opens: isoDate,
  opens_note: bilingual.optional(),
  deadline: isoDate,
  selection: isoMonth.nullable().optional(),
  research_start: isoMonth.nullable().optional(),
  companies_selected: z.number().int().positive().optional(),
  hospital_teams: z.number().int().positive().optional(),
  funding_cap_krw: z.number().int().positive().nullable().optional(),
  sources: z.array(z.string()).min(1, 'name at least one source'),
  confidence: z.enum(['high', 'medium', 'low']),
});

export const programFactsSchema = z
  .object({
    as_of: isoDate,
    program: z.object({
      name: bilingual,
      operators: bilingual,
      apply_url: z.string().url(),
      contact: bilingual,
    }),
    rounds: z.array(roundSchema).min(1, 'list at least one round'),
    next_round: z.object({ announced: z.boolean(), note: bilingual }),
    eligibility: z.object({
      location: bilingual.extend({ region: z.string().min(1) }),
      company_types: bilingual,
      max_years_since_founding: z.number().int().positive(),
      priority: bilingual,
      sources: z.array(z.string()).min(1),
    }),
    funding: z.object({
      cap_krw: z.number().int().positive(),
      eligible_costs: z.array(bilingual).min(1),
      sources: z.array(z.string()).min(1),
    }),
  })
  .superRefine((facts, context) => {
    facts.rounds.forEach((round, index) => {
      if (round.deadline < round.opens) {
        context.addIssue({ code: 'custom', path: ['rounds', index, 'deadline'], message: 'the deadline is before the opening date' });
      }
    });
  });

export type ProgramFacts = z.output<typeof programFactsSchema>;
export type ProgramRound = ProgramFacts['rounds'][number];

export const PROGRAM_FACTS_FILE = 'program.yaml';

export function loadProgramFacts(knowledgeDir: string): ProgramFacts {
  return loadDataFile(
    join(knowledgeDir, PROGRAM_FACTS_FILE),
    programFactsSchema,
    'edit knowledge/program.yaml so each field matches the format shown in the message (see the comments at the top of the file)',
  );
}

/** The round whose dates matter today: the latest one that has opened, else the first upcoming. */
export function latestRound(facts: ProgramFacts): ProgramRound {
  const sorted = [...facts.rounds].sort((a, b) => a.deadline.localeCompare(b.deadline));
  return sorted[sorted.length - 1]!;
}
