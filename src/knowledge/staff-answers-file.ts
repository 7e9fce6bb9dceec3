import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { DataFileError } from '../data-files/data-file-error.js';
import { parseDataText } from '../data-files/load-data-file.js';
import { writeFileAtomically } from '../retrieval/atomic-file.js';

export const STAFF_ANSWERS_FILE = 'staff-answers.yaml';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-11-28');
const text = z.string().trim().min(1, 'must not be empty');

export const staffAnswerEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use a kebab-case id such as ticket-12'),
  status: z.enum(['active', 'retired']).default('active'),
  /** How founders put the question: what retrieval matches on. */
  questions: z.array(text).min(1, 'list at least one way the question is asked'),
  answer: z
    .object({ ko: text.optional(), en: text.optional() })
    .refine((answer) => answer.ko !== undefined || answer.en !== undefined, 'write the answer in ko, en or both'),
  staff: text,
  answered_at: date,
  as_of: date,
  ticket: z.number().int().positive().optional(),
});

export const staffAnswersSchema = z.object({ entries: z.array(staffAnswerEntrySchema).default([]) }).strict();

export type StaffAnswerEntry = z.output<typeof staffAnswerEntrySchema>;

const FIX = 'each entry needs id, questions, answer.ko and/or answer.en, staff, answered_at and as_of (YYYY-MM-DD); see the comment at the top of the file';

const HEADER = `# Answers the program office gave to founders' questions, which Itda now answers from.
# Written by Itda when staff tick "지식 베이스에 추가 / add to the knowledge base" on a ticket,
# and reviewed like every file in knowledge/: edit freely, or set status: retired to stop using one.
# Each entry: id, status (active|retired), questions (phrasings), answer.ko / answer.en, staff,
# answered_at, as_of (YYYY-MM-DD), ticket (the ticket number it came from).
`;

/** Reads knowledge/staff-answers.yaml (absent means none yet); a mistake is a DataFileError naming the line. */
export function readStaffAnswers(knowledgeDir: string): StaffAnswerEntry[] {
  const file = join(knowledgeDir, STAFF_ANSWERS_FILE);
  if (!existsSync(file)) return [];
  return parseDataText(`knowledge/${STAFF_ANSWERS_FILE}`, readFileSync(file, 'utf8'), staffAnswersSchema, FIX).entries;
}

/** Validates the whole list before replacing the file in one rename, so the watcher never reads half of it. */
export async function writeStaffAnswers(knowledgeDir: string, entries: StaffAnswerEntry[]): Promise<void> {
  const checked = staffAnswersSchema.safeParse({ entries });
  if (!checked.success) throw new DataFileError(`knowledge/${STAFF_ANSWERS_FILE}`, checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })), FIX);
  await writeFileAtomically(join(knowledgeDir, STAFF_ANSWERS_FILE), `${HEADER}${stringify({ entries: checked.data.entries }, { lineWidth: 0 })}`);
}

/** Adds or replaces one entry by id. */
export async function saveStaffAnswer(knowledgeDir: string, entry: StaffAnswerEntry): Promise<void> {
  const entries = readStaffAnswers(knowledgeDir).filter((existing) => existing.id !== entry.id);
  await writeStaffAnswers(knowledgeDir, [...entries, entry]);
}

export async function updateStaffAnswer(knowledgeDir: string, id: string, change: (entry: StaffAnswerEntry) => StaffAnswerEntry): Promise<StaffAnswerEntry | undefined> {
  const entries = readStaffAnswers(knowledgeDir);
  const index = entries.findIndex((entry) => entry.id === id);
  if (index < 0) return undefined;
  const changed = change(entries[index]!);
  entries[index] = changed;
  await writeStaffAnswers(knowledgeDir, entries);
  return changed;
}
