import { randomUUID } from 'node:crypto';
import { describeDeadline } from '../program/deadline-status.js';
import type { DataFileStatus } from '../data-files/data-file-kind.js';
import type { ConversationTurn } from '../ports/stores.js';
import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import type { ItdaDependencies } from './itda-dependencies.js';
import type { ParsedCommand } from './commands.js';
import { helpText } from './help-text.js';
import { matchReplies } from './match-replies.js';
import { forgetConfirmation, forgetUser } from './forget-user.js';
import { withProgramOffice } from '../knowledge-loop/answer-escalation.js';
import type { StaffLoopSummary } from '../knowledge-loop/staff-loop-summary.js';
import { subscribeButton } from '../rounds/round-news-messages.js';
import { storageTime } from './storage-clock.js';
import { text } from '../messages/messages.js';

export interface HomeSummary {
  isStaff: boolean;
  draft?: { status: string; filled: number; total: number; updatedAt: string; title?: string };
  submissions: { userId: string; updatedAt: string; submittedAt?: string; title?: string }[];
  /** Staff only: the knowledge loop's analytics, open tickets and staff answers. */
  knowledgeLoop?: StaffLoopSummary;
  /** Staff only: staff files whose edit was not applied (last good copy serving) or that have no good copy. */
  dataFiles?: DataFileStatus[];
}

/** What each command and button does. Staff-only paths ask StaffAccess first, every time. */
export class CommandHandlers {
  constructor(private readonly deps: ItdaDependencies) {}

  async run(command: ParsedCommand, userId: string, language: Language, unknown?: string): Promise<Reply[]> {
    const isStaff = await this.deps.staff.isStaff(userId);
    switch (command.name) {
      case 'help':
        return [{ text: helpText(language, isStaff, unknown) }];
      case 'ask':
        if (!command.argument) return [{ text: text(language, 'conversation.askNeedsQuestion') }];
        return this.answer(command.argument, userId, language, []);
      case 'deadline':
        return [{ text: describeDeadline(this.deps.programFacts(), this.deps.now(), language), ...(this.deps.rounds ? { buttons: [subscribeButton(language)] } : {}) }];
      case 'eligibility':
        return this.answer(command.argument || text(language, 'conversation.eligibilityDefaultQuestion'), userId, language, []);
      case 'apply':
        return this.deps.preApplication ? this.deps.preApplication.start(userId, language) : [notAvailable(language)];
      case 'plan':
        return this.planStatus(userId, language);
      case 'match':
        return this.match(command.argument, userId, language, isStaff);
      case 'forget':
        return [forgetConfirmation(language)];
      case 'subscribe':
      case 'unsubscribe':
        return this.deps.rounds ? this.deps.rounds.action(userId, `round_${command.name}`, '', language) : [notAvailable(language)];
    }
  }

  async answer(question: string, userId: string, language: Language, history: ConversationTurn[], conversationId?: string): Promise<Reply[]> {
    const result = await this.deps.questionAnswering.answer(question, { history, language });
    const feedbackId = randomUUID().slice(0, 12);
    const recorded = this.deps.feedback.recordAnswer({
      answerId: feedbackId,
      userId,
      question,
      answer: result.answer,
      sources: result.citations,
      createdAt: storageTime(this.deps).toISOString(),
    });
    const subscribe = result.kind === 'deadline' && this.deps.rounds ? { buttons: [subscribeButton(language)] } : {};
    const reply: Reply = { text: result.answer, sources: result.citations, feedbackId, ...subscribe };
    // The answer record and the knowledge loop's note of it are written together: one SQLite transaction (write-queue.ts), not one each.
    const [, handedOver] = await Promise.all([recorded, withProgramOffice(this.deps.knowledgeLoop, reply, { answerId: feedbackId, userId, conversationId, question, result, createdAt: this.deps.now().toISOString() })]);
    return [handedOver];
  }

  async action(userId: string, actionId: string, value: string, language: Language): Promise<Reply[]> {
    const preApplication = this.deps.preApplication;
    switch (actionId) {
      case 'forget_confirm':
        return [await forgetUser(this.deps, userId, language)];
      case 'forget_cancel':
        return [{ text: text(language, 'conversation.forgetCancelled') }];
      case 'preapp_export_md':
      case 'preapp_export_docx': {
        const file = await preApplication?.exportDraft(userId, actionId === 'preapp_export_md' ? 'md' : 'docx', language);
        if (!file) return [{ text: text(language, 'conversation.noDraftToExport') }];
        return [{ text: text(language, 'conversation.draftFileAttached', { filename: file.filename }), files: [file] }];
      }
      case 'preapp_submit':
        return this.submit(userId, language);
      case 'match_more':
      case 'match_submission':
        return this.matchAction(actionId, value, userId, language);
      case 'round_start_draft':
        return preApplication ? preApplication.start(userId, language) : [notAvailable(language)];
      case 'round_subscribe':
      case 'round_unsubscribe':
      case 'round_approve':
      case 'round_cancel':
        return this.deps.rounds ? this.deps.rounds.action(userId, actionId, value, language) : [notAvailable(language)];
      default:
        return [{ text: text(language, 'conversation.unknownButton') }];
    }
  }

  async submit(userId: string, language: Language): Promise<Reply[]> {
    if (!this.deps.preApplication) return [notAvailable(language)];
    const { replies, submission } = await this.deps.preApplication.submit(userId, language);
    if (submission) await this.deps.notifyStaff?.(submissionNotice(submission));
    return replies;
  }

  async home(userId: string): Promise<HomeSummary> {
    const isStaff = await this.deps.staff.isStaff(userId);
    const draft = await this.deps.preApplication?.describe(userId);
    const submitted = isStaff ? await this.deps.drafts.listSubmitted(10) : [];
    return {
      isStaff,
      draft,
      submissions: submitted.map((entry) => ({
        userId: entry.userId,
        updatedAt: entry.updatedAt,
        submittedAt: entry.submittedAt,
        title: titleOf(entry.state),
      })),
      knowledgeLoop: isStaff ? await this.deps.knowledgeLoop?.summary() : undefined,
      dataFiles: isStaff ? this.deps.dataFileProblems?.() : undefined,
    };
  }

  slowDown(language: Language): Reply {
    return {
      onlyForAuthor: true,
      text: text(language, 'conversation.slowDown'),
    };
  }

  emptyMessageText(language: Language): string {
    return text(language, 'conversation.emptyMessage');
  }

  private async planStatus(userId: string, language: Language): Promise<Reply[]> {
    const draft = await this.deps.preApplication?.describe(userId);
    if (!draft) return [{ text: text(language, 'conversation.noDraftYet') }];
    const { status, filled, total, updatedAt } = draft;
    return [{
      text: text(language, 'conversation.draftStatus', { title: draft.title ? ` — ${draft.title}` : '', status, filled, total, updatedAt }),
      buttons: [
        { actionId: 'preapp_export_md', label: 'Markdown', value: 'md' },
        { actionId: 'preapp_export_docx', label: 'Word (.docx)', value: 'docx' },
      ],
    }];
  }

  private async match(need: string, userId: string, language: Language, isStaff: boolean): Promise<Reply[]> {
    if (!isStaff) return [staffOnly(language)];
    if (!need) return [{ text: text(language, 'conversation.matchNeedsNeed') }];
    if (!this.deps.matching) return [notAvailable(language)];
    await this.deps.audit.record({ actorId: userId, action: 'match', detail: { need } }, storageTime(this.deps));
    return matchReplies(this.deps.matching, need, 0, language);
  }

  private async matchAction(actionId: string, value: string, userId: string, language: Language): Promise<Reply[]> {
    if (!(await this.deps.staff.isStaff(userId))) return [staffOnly(language)];
    if (!this.deps.matching) return [notAvailable(language)];
    if (actionId === 'match_more') {
      const { need, offset } = JSON.parse(value) as { need: string; offset: number };
      await this.deps.audit.record({ actorId: userId, action: 'match_more', detail: { need, offset } }, storageTime(this.deps));
      return matchReplies(this.deps.matching, need, offset, language);
    }
    const need = await this.deps.preApplication?.submittedResearchNeed(value);
    if (need === undefined) return [{ text: text(language, 'conversation.submissionNotFound') }];
    await this.deps.audit.record({ actorId: userId, action: 'match_submission', detail: { applicant: value } }, storageTime(this.deps));
    return matchReplies(this.deps.matching, need, 0, language);
  }
}

/** What the staff channel sees for a submitted pre-application, with the "팀 추천" button. */
export function submissionNotice(submission: { userId: string; company: string; title: string; summary: string; round?: string }): Reply {
  return {
    // Everything after the first line is the founder's own words: quoted, so it reads as theirs.
    text: `${text('ko', submission.round === 'next' ? 'conversation.submissionNoticeNextRound' : 'conversation.submissionNotice', { user: submission.userId })}\n${quoted(`${submission.company}: ${submission.title}\n${submission.summary}`)}`,
    mentions: [submission.userId],
    buttons: [{ actionId: 'match_submission', label: text('ko', 'conversation.suggestTeams'), value: submission.userId, style: 'primary' }],
  };
}

function quoted(text: string): string {
  return text.split('\n').map((line) => `> ${line}`).join('\n');
}

function staffOnly(language: Language): Reply {
  return { text: text(language, 'conversation.staffOnly') };
}

function notAvailable(language: Language): Reply {
  return { text: text(language, 'conversation.notAvailable') };

}

function answersOf(state: unknown): Record<string, unknown> {
  const answers = (state as { answers?: unknown } | null)?.answers;
  return answers && typeof answers === 'object' ? (answers as Record<string, unknown>) : {};
}

function titleOf(state: unknown): string | undefined {
  const title = answersOf(state).title;
  // Submitted while no round was open: staff see it is kept for the next call.
  const nextRound = (state as { round?: unknown } | null)?.round === 'next';
  if (typeof title !== 'string') return undefined;
  return nextRound ? text('ko', 'conversation.titleNextRound', { title }) : title;
}
