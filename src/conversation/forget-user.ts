import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import type { ItdaDependencies } from './itda-dependencies.js';
import { storageTime } from './storage-clock.js';
import { text } from '../messages/messages.js';

export function forgetConfirmation(language: Language): Reply {
  return {
    text: text(language, 'conversation.forgetConfirm'),
    buttons: [
      { actionId: 'forget_confirm', label: text(language, 'conversation.forgetConfirmButton'), value: 'confirm', style: 'danger' },
      { actionId: 'forget_cancel', label: text(language, 'conversation.forgetCancelButton'), value: 'cancel' },
    ],
  };
}

/** Deletes the user's stored conversations, draft and feedback, and records that it happened. */
export async function forgetUser(deps: ItdaDependencies, userId: string, language: Language): Promise<Reply> {
  const turns = await deps.history.deleteForUser(userId);
  const feedback = await deps.feedback.deleteForUser(userId);
  await deps.drafts.delete(userId);
  const tickets = (await deps.knowledgeLoop?.forgetUser(userId)) ?? 0;
  await deps.rounds?.forgetUser(userId);
  const unanswered = (await deps.unansweredMessages?.forgetUser(userId)) ?? 0;
  await deps.audit.record({ actorId: userId, action: 'forget', detail: { turns, feedback, tickets, unanswered } }, storageTime(deps));
  return {
    text: text(language, 'conversation.forgotten', { turns, feedback }),

  };
}
