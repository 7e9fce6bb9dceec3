import { randomUUID } from 'node:crypto';
import type { Reply } from '../ports/reply.js';
import type { DraftRepository } from '../pre-application/draft-repository.js';
import type { Logger } from '../observability/logger.js';
import { text } from '../messages/messages.js';

/** A failure the user must hear about in its own words (the apology path shows `userMessage`). */
export class StaffNoticeFailed extends Error {
  readonly userMessage: { ko: string; en: string };

  constructor(readonly reference: string, cause: unknown) {
    super(`staff channel notice failed (${reference})`, { cause });
    this.userMessage = { ko: text('ko', 'form.staffNoticeFailed', { reference }), en: text('en', 'form.staffNoticeFailed', { reference }) };
  }
}

/**
 * A submission only counts once the staff channel heard of it. When the post fails (the bot was
 * never invited: not_in_channel; Slack down), the draft goes back to "in progress" and the user
 * is told so, instead of reading "submitted" while staff never hear of it. The applicant is the
 * value of the notice's "팀 추천" button, on both submit paths (typed 제출 and the button).
 */
export function staffNoticeOrReopen(post: (reply: Reply) => Promise<void>, drafts: DraftRepository, logger: Logger): (reply: Reply) => Promise<void> {
  return async (reply) => {
    try {
      await post(reply);
    } catch (error) {
      const reference = randomUUID().slice(0, 8);
      logger.error({ err: error, reference }, 'staff channel notice failed; the draft stays unsubmitted');
      const applicant = reply.buttons?.find((button) => button.actionId === 'match_submission')?.value;
      const draft = applicant ? await drafts.load(applicant) : undefined;
      if (draft?.status === 'submitted') {
        const { submittedAt: _submittedAt, ...rest } = draft;
        await drafts.save({ ...rest, status: 'in_progress', updatedAt: new Date().toISOString() });
      }
      throw new StaffNoticeFailed(reference, error);
    }
  };
}
