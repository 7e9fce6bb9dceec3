import { z } from 'zod';
import type { Language } from '../conversation/reply.js';
import { getAt, setAt } from './answer-paths.js';
import { fieldById, type FormDefinition } from './form-definition.js';
import { newFormState, nextOpenField, type FormState } from './form-state.js';

/** A saved draft's state as it must look when read back; older drafts carry no formVersion (they are version 1). */
const storedStateSchema = z.object({
  version: z.literal(1),
  formVersion: z.number().int().positive().default(1),
  language: z.enum(['ko', 'en']),
  answers: z.record(z.string(), z.unknown()),
  current: z.string().optional(),
  trail: z.array(z.string()).default([]),
  skipped: z.array(z.string()).default([]),
  awaiting: z.literal('cancel').optional(),
  round: z.string().optional(),
});

export interface ReadState {
  state: FormState;
  /** What changed on the way in, for the log and the tests ("renamed contactName → contactPerson"). */
  changes: string[];
}

/**
 * Reads a stored draft state: validated with zod, then carried through the form's migrations
 * to the current version. A state that does not validate keeps whatever answers it has, so a
 * broken row never costs the user their draft.
 */
export function readStoredState(raw: unknown, form: FormDefinition, fallbackLanguage: Language): ReadState {
  const parsed = storedStateSchema.safeParse(raw);
  if (!parsed.success) {
    const answers = (raw as { answers?: unknown } | null)?.answers;
    const salvaged = answers && typeof answers === 'object' && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {};
    const state = { ...newFormState(form, fallbackLanguage), answers: salvaged };
    return { state: { ...state, current: nextOpenField(form, state)?.id }, changes: [`unreadable state (${parsed.error.issues.length} problem(s)); kept ${Object.keys(salvaged).length} answer group(s)`] };
  }
  let state: FormState = { ...parsed.data, answers: parsed.data.answers };
  const changes: string[] = [];
  let lostCurrent = false;
  for (const migration of [...form.migrations].sort((a, b) => a.from - b.from)) {
    if (migration.from !== state.formVersion) continue;
    const rename = (id: string) => migration.renamed.find((entry) => entry.id === id)?.to ?? id;
    const gone = new Set(migration.removed.map((entry) => entry.id));
    let answers = state.answers;
    for (const entry of migration.renamed.filter((candidate) => candidate.path && candidate.toPath)) {
      const value = getAt(answers, entry.path!);
      if (value === undefined) continue;
      answers = setAt(setAt(answers, entry.path!, undefined), entry.toPath!, value);
      changes.push(`${entry.path} → ${entry.toPath}`);
    }
    for (const entry of migration.removed) {
      if (getAt(answers, entry.path) !== undefined) changes.push(`removed ${entry.path}`);
      answers = setAt(answers, entry.path, undefined);
    }
    const ids = (list: string[]) => list.filter((id) => !gone.has(id)).map(rename);
    lostCurrent ||= state.current !== undefined && gone.has(state.current);
    const current = state.current && !gone.has(state.current) ? rename(state.current) : undefined;
    state = { ...state, answers, trail: ids(state.trail), skipped: ids(state.skipped), current, formVersion: migration.to };
  }
  // Ids the current form no longer has (an edit without a migration) are dropped rather than asked.
  const known = (id: string) => fieldById(form, id) !== undefined;
  state = { ...state, trail: state.trail.filter(known), skipped: state.skipped.filter(known), formVersion: form.version };
  if (lostCurrent || (state.current && !known(state.current))) state = { ...state, current: nextOpenField(form, state)?.id };
  return { state, changes };
}
