import type { Language, Reply } from '../conversation/reply.js';
import { latestRound } from '../program/program-facts.js';
import type { DraftRepository } from './draft-repository.js';
import type { PlanKnowledge } from './plan-knowledge.js';
import type { DraftRenderer } from './draft-renderer.js';
import type { FormState } from './form-state.js';
import { missingRequired } from './form-state.js';
import { validateAnswers } from './validate-answers.js';
import { summaryLines } from './draft-summary.js';
import { sayIn } from './answer-limits.js';

export interface Submission {
  userId: string;
  company: string;
  title: string;
  summary: string;
}

/**
 * 제출/submit: only a complete, valid draft is marked submitted; otherwise the user hears
 * exactly what is missing and keeps drafting. The summary is what staff see in their channel.
 */
export async function submitDraft(
  deps: { drafts: DraftRepository; now: () => Date },
  knowledge: PlanKnowledge,
  renderer: DraftRenderer,
  userId: string,
  language: Language,
): Promise<{ replies: Reply[]; submission?: Submission }> {
  const draft = await deps.drafts.load(userId);
  const say = sayIn(language);
  if (draft?.status === 'submitted') return { replies: [{ text: say(`이미 ${draft.submittedAt?.slice(0, 10) ?? ''}에 제출했어요.`, `Already submitted on ${draft.submittedAt?.slice(0, 10) ?? ''}.`) }] };
  if (!draft || draft.status !== 'in_progress') return { replies: [{ text: say('제출할 초안이 없어요. "신청서 작성할래요"로 시작하세요.', 'There is no draft to submit. Say "start application" to begin.') }] };
  const { form, facts } = knowledge.current();
  const state = draft.state as FormState;
  const missing = missingRequired(form, state.answers);
  if (missing.length > 0) {
    const names = missing.map((field) => field.label[language]).join(', ');
    return { replies: [{ text: say(`아직 제출할 수 없어요. 남은 필수 항목: ${names}. 이어서 작성해 주세요.`, `Not ready to submit yet. Required fields still missing: ${names}.`) }] };
  }
  const validation = validateAnswers(state.answers, form, facts, deps.now(), state.language);
  if (!validation.ok) {
    const lines = validation.issues.map((issue) => `• ${issue[state.language]}`).join('\n');
    return { replies: [{ text: say(`제출 전에 고칠 점이 있어요 (\`수정 <항목>\`으로 고칠 수 있어요):\n${lines}`, `Please fix these before submitting (use \`edit <field>\`):\n${lines}`) }] };
  }
  const submittedAt = deps.now().toISOString();
  await deps.drafts.save({ userId, state, status: 'submitted', updatedAt: submittedAt, submittedAt });
  const checklist = renderer.checklist(state.answers, 'ko');
  const summary = [...summaryLines(form, state.answers, 'ko'), `• 보완할 점: ${checklist.length}개`].join('\n');
  const round = latestRound(facts);
  const passed = submittedAt.slice(0, 10) > round.deadline;
  const official = passed
    ? say(`${round.name.ko} 접수는 ${round.deadline}에 마감되었어요. ${facts.next_round.note.ko}`, `The ${round.name.en} closed on ${round.deadline}. ${facts.next_round.note.en}`)
    : say(`공식 신청은 ${facts.program.apply_url} 에서 ${round.deadline}까지 해야 합니다. 받은 초안 파일을 활용하세요.`, `The official application is made at ${facts.program.apply_url} by ${round.deadline}; use the draft file for it.`);
  const replies: Reply[] = [{
    text: `${say('✅ 제출했어요. 사업 담당자가 검토하고 연락드릴 거예요.', '✅ Submitted. The program office will review it and get in touch.')}\n${official}`,
  }];
  return { replies, submission: { userId, company: validation.answers.company.name, title: validation.answers.title, summary } };
}
