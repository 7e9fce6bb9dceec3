import type { Language } from '../messages/language.js';
import type { Reply, ReplyFile } from '../ports/reply.js';
import type { ChatModelSource } from '../llm/chat-model.js';
import type { DraftRepository, DraftStatus, StoredDraft } from './draft-repository.js';
import type { ResearchPlanAnswers } from './answers-schema.js';
import type { SuggestedTeam } from './plan-blocks.js';
import { PlanKnowledge, type PlanKnowledgeSnapshot } from './plan-knowledge.js';
import { advanceForm } from './form-state-machine.js';
import { ask, type FormEffect, type FormStep } from './form-step.js';
import { filledCount, newFormState, type FormState } from './form-state.js';
import { completedReply } from './draft-summary.js';
import { DraftRenderer } from './draft-renderer.js';
import { submitDraft, type Submission } from './submit-draft.js';
import { textIn } from '../messages/messages.js';
import { detectLanguage } from '../messages/detect-language.js';
import { readStoredState, unreadableDraftNotice } from './stored-form-state.js';
import { BREAK_MS, onlySaysReturning, resumeGreeting } from './resume-greeting.js';
import { parseFormCommand } from './form-commands.js';
import { draftRound, draftRoundId, roundOnExport, roundOnStart } from './draft-round.js';
import { describeResearchNeed } from './research-need.js';

export interface PreApplicationDependencies {
  drafts: DraftRepository;
  knowledgeDir: string;
  answerQuestion: (question: string, language: Language) => Promise<Reply>;
  suggestTeams?: (answers: ResearchPlanAnswers, language: Language) => Promise<SuggestedTeam[]>;
  now: () => Date;
  /** When set, chat-style long answers are rewritten in plan style; without it the draft comes from templates alone. */
  chatModel?: ChatModelSource;
  /** Told when a user submits by typing 제출/submit (the button path calls submit() directly). */
  onSubmitted?: (submission: Submission) => Promise<void>;
  /** The form, facts, examples and checks in service under the live reload policy (the running app sets it). */
  planKnowledge?: () => PlanKnowledgeSnapshot;
}

const START_PATTERNS = [
  // 쓰다 as founders conjugate it: 쓰자, 써 줘, 쓸래, 씁니다.
  /(신청서|지원서|계획서|연구\s*계획|사전\s*신청|신청).{0,12}(작성|쓰|써|쓸|씁|시작|만들|할래|하고\s*싶)/,
  /(작성|쓰고|쓸래|시작).{0,6}(신청서|지원서|계획서)/,
  /^(?:i\s+(?:want|would like|'d like)\s+to\s+)?(?:start|begin|draft|write|prepare|fill in)\b.{0,30}\b(?:application|pre-?application|plan)\b/i,
  /^(?:apply|i want to apply|let'?s apply|application)$/i,
];

/**
 * The conversational pre-application: one question at a time, state saved after every
 * message, keyed by user so no one sees another user's draft. Slack and the console both
 * call this service.
 */
export class PreApplicationService {
  private readonly knowledge: PlanKnowledge;
  private readonly renderer: DraftRenderer;
  /** Users who have written since this process started; the first message after a restart is greeted. */
  private readonly seen = new Set<string>();

  constructor(private readonly deps: PreApplicationDependencies) {
    this.knowledge = new PlanKnowledge(deps.knowledgeDir, deps.planKnowledge);
    this.renderer = new DraftRenderer(deps, this.knowledge);
  }

  isStartRequest(text: string): boolean {
    const trimmed = text.trim().replace(/[.!?]+$/, '');
    return START_PATTERNS.some((pattern) => pattern.test(trimmed));
  }

  /**
   * True while a draft is being written; after submitting, only for the words that still
   * apply to it (내보내기, 워드, 상태), so every other message goes back to Q&A.
   */
  async hasActiveDraft(userId: string, text?: string): Promise<boolean> {
    const draft = await this.deps.drafts.load(userId);
    if (draft?.status === 'in_progress') return true;
    return draft?.status === 'submitted' && text !== undefined && this.afterSubmitCommand(text) !== undefined;
  }

  private afterSubmitCommand(text: string) {
    const command = parseFormCommand(text, this.knowledge.current().form);
    return command?.kind === 'export' || command?.kind === 'status' ? command : undefined;
  }

  /** The e-mail question asks for the applicant's own contact: it is kept from redaction for this answer. */
  async personalDataAsked(userId: string): Promise<string[]> {
    const draft = await this.deps.drafts.load(userId);
    const current = draft?.status === 'in_progress' ? this.stateOf(draft).current : undefined;
    const { form } = this.knowledge.current();
    const field = current ? form.fields.find((candidate) => candidate.id === current) : undefined;
    const emailPaths = form.fields.filter((candidate) => candidate.kind === 'email').map((candidate) => candidate.path);
    const asksEmail = field !== undefined && (field.kind === 'email' || (field.alsoFills ?? []).some((path) => emailPaths.includes(path)));
    return asksEmail ? ['email'] : [];
  }

  async start(userId: string, language: Language): Promise<Reply[]> {
    this.seen.add(userId);
    const say = textIn(language);
    const draft = await this.deps.drafts.load(userId);
    const { form } = this.knowledge.current();
    if (draft?.status === 'in_progress') {
      const { state, unreadable } = readStoredState(draft.state, form, 'ko');
      const resumed = textIn(state.language)('form.resuming', {
        filled: filledCount(form, state.answers),
        total: form.fields.length,
        updatedAt: draft.updatedAt.slice(0, 16).replace('T', ' '),
      });
      return this.finish(userId, ask(this.context(), state, unreadable ? [unreadableDraftNotice(state.language), resumed] : [resumed]), draft);
    }
    if (draft?.status === 'submitted') {
      return [{ text: say('form.submittedAlready', { date: draft.submittedAt?.slice(0, 10) ?? '' }),
        buttons: [{ actionId: 'preapp_export_md', label: say('form.downloadMarkdown'), value: 'md' }, { actionId: 'preapp_export_docx', label: say('form.downloadWord'), value: 'docx' }] }];
    }
    const intro = say('form.intro', { formTitle: form.title[language] });
    const round = draftRound(this.knowledge.current().facts, this.deps.now());
    const state = { ...newFormState(form, language), round: draftRoundId(round) };
    return this.finish(userId, ask(this.context(), state, [intro, roundOnStart(round, this.knowledge.current().facts, language)]), undefined);
  }

  async handle(userId: string, text: string, language: Language): Promise<Reply[]> {
    const draft = await this.deps.drafts.load(userId);
    if (draft?.status === 'submitted') {
      const command = this.afterSubmitCommand(text);
      if (command?.kind === 'export') return this.runEffect(userId, { state: this.stateOf(draft), replies: [] }, command);
    }
    if (draft?.status !== 'in_progress') return this.start(userId, language);
    const { state, unreadable } = readStoredState(draft.state, this.knowledge.current().form, 'ko');
    // Back after a break, or the first message since Itda restarted: say where the draft stands.
    const returning = unreadable || !this.seen.has(userId) || this.deps.now().getTime() - Date.parse(draft.updatedAt) > BREAK_MS;
    this.seen.add(userId);
    if (!returning) return this.finish(userId, advanceForm(this.context(), state, text), draft);
    const resumed = resumeGreeting(this.knowledge.current().form, state, draft.updatedAt, state.language);
    const greeting = unreadable ? `${unreadableDraftNotice(state.language)}\n${resumed}` : resumed;
    if (onlySaysReturning(text)) return this.finish(userId, ask(this.context(), state, [greeting]), draft);
    return [{ text: greeting }, ...(await this.finish(userId, advanceForm(this.context(), state, text), draft))];
  }

  async describe(userId: string): Promise<{ status: DraftStatus; filled: number; total: number; updatedAt: string; title?: string } | undefined> {
    const draft = await this.deps.drafts.load(userId);
    if (!draft) return undefined;
    const { form } = this.knowledge.current();
    const state = this.stateOf(draft);
    const title = typeof state.answers?.title === 'string' ? state.answers.title : undefined;
    return { status: draft.status, filled: filledCount(form, state.answers ?? {}), total: form.fields.length, updatedAt: draft.updatedAt, ...(title ? { title } : {}) };
  }

  /** Always in the draft's language: a button pressed after an English word must not give English headings over Korean answers. */
  async exportDraft(userId: string, format: 'md' | 'docx', _language?: Language): Promise<ReplyFile | undefined> {
    const draft = await this.deps.drafts.load(userId);
    if (!draft || draft.status === 'cancelled') return undefined;
    const state = this.stateOf(draft);
    return this.renderer.file(state.answers, format, state.language);
  }

  async submit(userId: string, language: Language): Promise<{ replies: Reply[]; submission?: Submission }> {
    return submitDraft(this.deps, this.knowledge, this.renderer, userId, language);
  }

  async submittedResearchNeed(userId: string): Promise<string | undefined> {
    const draft = await this.deps.drafts.load(userId);
    return draft?.status === 'submitted' ? describeResearchNeed(this.stateOf(draft).answers) : undefined;
  }

  /** Every stored state is read through zod and the form's migrations, never cast. */
  private stateOf(draft: StoredDraft): FormState {
    return readStoredState(draft.state, this.knowledge.current().form, 'ko').state;
  }

  private context() {
    return { ...this.knowledge.current(), now: this.deps.now() };
  }

  /** Saves the new state first, so a crash while answering a question loses nothing. */
  private async finish(userId: string, step: FormStep, previous: StoredDraft | undefined): Promise<Reply[]> {
    const updatedAt = this.deps.now().toISOString();
    if (step.effect?.kind !== 'cancelled') {
      await this.deps.drafts.save({ userId, state: step.state, status: 'in_progress', updatedAt, ...(previous?.submittedAt ? { submittedAt: previous.submittedAt } : {}) });
    }
    return step.effect ? this.runEffect(userId, step, step.effect) : step.replies;
  }

  private async runEffect(userId: string, step: FormStep, effect: FormEffect): Promise<Reply[]> {
    const language = step.state.language;
    const say = textIn(language);
    switch (effect.kind) {
      case 'question': {
        // The draft is already saved; a failing Q&A must not lose the user's place in the form.
        // The answer follows the question's own language ("Can a Busan startup apply?" during a
        // Korean draft is answered in English); the way back to the form stays in the draft's.
        const answer = await this.deps.answerQuestion(effect.text, detectLanguage(effect.text, language)).catch(() => ({
          text: say('form.cannotAnswerNow'),
        }));
        const [reask] = step.replies;
        const back = reask
          ? { ...reask, text: `${say('form.backToApplication')}\n${reask.text}` }
          : { text: say('form.draftSaved') };
        return [answer, back];
      }
      case 'completed': {
        const { form } = this.knowledge.current();
        const checklist = this.renderer.checklist(step.state.answers, language);
        const teams = await this.renderer.teams(step.state.answers, language);
        return [...step.replies, completedReply(form, step.state.answers, checklist, teams, language)];
      }
      case 'export': {
        const file = await this.renderer.file(step.state.answers, effect.format, language);
        return [{ text: roundOnExport(draftRound(this.knowledge.current().facts, this.deps.now()), file.filename, language), files: [file] }];
      }
      case 'submit': {
        const result = await this.submit(userId, language);
        if (result.submission) await this.deps.onSubmitted?.(result.submission);
        return result.replies;
      }
      case 'cancelled':
        await this.deps.drafts.delete(userId);
        return [{ text: say('form.cancelledAndDeleted') }];
    }
  }
}
