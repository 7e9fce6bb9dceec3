import { z } from 'zod';
import type { Language } from '../messages/language.js';
import { isEachPath, moveAt, setAt, valuesAt } from './answer-paths.js';
import { fieldById, type FormDefinition } from './form-definition.js';
import { newFormState, nextOpenField, type FormState } from './form-state.js';
import { text } from '../messages/messages.js';

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
  setAside: z.record(z.string(), z.unknown()).optional(),
  unreadable: z.unknown().optional(),
});

export interface ReadState {
  state: FormState;
  /** What changed on the way in, for the log and the tests ("renamed contactName → contactPerson"). */
  changes: string[];
  /** The stored state did not validate: the user is told once, and the raw state is kept in `state.unreadable`. */
  unreadable: boolean;
}

/** What the user sees once when their stored draft could not be read whole. */
export function unreadableDraftNotice(language: Language): string {
  return text(language, 'form.unreadableDraft');
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
    const language = (raw as { language?: unknown } | null)?.language === 'en' ? 'en' : (raw as { language?: unknown } | null)?.language === 'ko' ? 'ko' : fallbackLanguage;
    // The raw state rides along in `unreadable`, so saving the salvaged draft never overwrites it.
    const state = { ...newFormState(form, language), answers: salvaged, unreadable: raw };
    return { state: { ...state, current: nextOpenField(form, state)?.id }, changes: [`unreadable state (${parsed.error.issues.length} problem(s)); kept ${Object.keys(salvaged).length} answer group(s)`], unreadable: true };
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
      if (!valuesAt(answers, entry.path!).some((value) => value !== undefined)) continue;
      answers = moveAt(answers, entry.path!, entry.toPath!);
      changes.push(`${entry.path} → ${entry.toPath}`);
    }
    // A removed field's answer is set aside, not thrown away: staff can still read it in the stored draft.
    let setAside = state.setAside;
    for (const entry of migration.removed) {
      const values = valuesAt(answers, entry.path);
      if (values.some((value) => value !== undefined)) {
        changes.push(`removed ${entry.path} (set aside)`);
        setAside = { ...setAside, [`${entry.path}@v${migration.from}`]: isEachPath(entry.path) ? values : values[0] };
      }
      answers = setAt(answers, entry.path, undefined);
    }
    const ids = (list: string[]) => list.filter((id) => !gone.has(id)).map(rename);
    lostCurrent ||= state.current !== undefined && gone.has(state.current);
    const current = state.current && !gone.has(state.current) ? rename(state.current) : undefined;
    state = { ...state, answers, trail: ids(state.trail), skipped: ids(state.skipped), current, formVersion: migration.to, ...(setAside ? { setAside } : {}) };
  }
  // Ids the current form no longer has (an edit without a migration) are dropped rather than asked.
  const known = (id: string) => fieldById(form, id) !== undefined;
  state = { ...state, trail: state.trail.filter(known), skipped: state.skipped.filter(known), formVersion: form.version };
  if (lostCurrent || (state.current && !known(state.current))) state = { ...state, current: nextOpenField(form, state)?.id };
  return { state, changes, unreadable: false };
}
