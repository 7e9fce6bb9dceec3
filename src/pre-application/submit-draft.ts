import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import type { DraftRepository } from './draft-repository.js';
import type { PlanKnowledge } from './plan-knowledge.js';
import type { DraftRenderer } from './draft-renderer.js';
import type { FormState } from './form-state.js';
import { missingRequired } from './form-state.js';
import { readStoredState } from './stored-form-state.js';
import { validateAnswers } from './validate-answers.js';
import { summaryLines } from './draft-summary.js';
import { text, textIn } from '../messages/messages.js';
import { draftRound, draftRoundId, draftRoundName, roundOnSubmit } from './draft-round.js';

export interface Submission {
  userId: string;
  company: string;
  title: string;
  summary: string;
  /** The round it is for: a round id, or "next" when none was open (staff see "다음 회차"). */
  round: string;
  roundName: string;
}

/**
 * 제출/submit: only a complete, valid draft is marked submitted; otherwise the user hears
 * exactly what is missing and keeps drafting. Everything is said in the draft's language.
 * With no round open the draft is still submitted, for the next round, and said so once.
 */
export async function submitDraft(
  deps: { drafts: DraftRepository; now: () => Date },
  knowledge: PlanKnowledge,
  renderer: DraftRenderer,
  userId: string,
  fallbackLanguage: Language,
): Promise<{ replies: Reply[]; submission?: Submission }> {
  const draft = await deps.drafts.load(userId);
  const { form, facts } = knowledge.current();
  const state = draft ? readStoredState(draft.state, form, fallbackLanguage).state : undefined;
  const language = state?.language ?? fallbackLanguage;
  const say = textIn(language);
  if (draft?.status === 'submitted') {
    return { replies: [{ text: say('form.alreadySubmitted', { date: draft.submittedAt?.slice(0, 10) ?? '' }) }] };
  }
  if (!draft || !state || draft.status !== 'in_progress') return { replies: [{ text: say('form.noDraftToSubmit') }] };
  const missing = missingRequired(form, state.answers);
  if (missing.length > 0) {
    const names = missing.map((field) => field.label[language]).join(', ');
    return { replies: [{ text: say('form.requiredMissing', { names }) }] };
  }
  const validation = validateAnswers(state.answers, form, facts, deps.now(), language);
  if (!validation.ok) {
    const lines = validation.issues.map((issue) => `• ${issue[language]}`).join('\n');
    return { replies: [{ text: say('form.fixBeforeSubmit', { issues: lines }) }] };
  }
  const submittedAt = deps.now().toISOString();
  const round = draftRound(facts, deps.now());
  const submittedState: FormState = { ...state, round: draftRoundId(round) };
  await deps.drafts.save({ userId, state: submittedState, status: 'submitted', updatedAt: submittedAt, submittedAt });
  const checklist = renderer.checklist(state.answers, 'ko');
  // The summary goes to staff, who read Korean.
  const summary = [text('ko', round.kind === 'next' ? 'form.submittedNextRound' : 'form.submittedRound', { round: draftRoundName(round, 'ko') }), ...summaryLines(form, state.answers, 'ko'), text('ko', 'form.submittedChecklist', { count: checklist.length })].join('\n');
  return {
    replies: [{ text: roundOnSubmit(round, facts, language) }],
    submission: { userId, company: validation.answers.company.name, title: validation.answers.title, summary, round: draftRoundId(round), roundName: draftRoundName(round, 'ko') },
  };
}
