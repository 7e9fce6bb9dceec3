import type { Language, Reply } from './reply.js';
import type { ItdaDependencies } from './itda.js';
import { storageTime } from './storage-clock.js';

export function forgetConfirmation(language: Language): Reply {
  return {
    text: language === 'ko'
      ? '잇다가 보관한 내 대화 기록, 신청서 초안, 피드백을 모두 삭제할까요? 되돌릴 수 없습니다.'
      : 'Delete everything Itda keeps about you (conversations, your draft, your feedback)? This cannot be undone.',
    buttons: [
      { actionId: 'forget_confirm', label: language === 'ko' ? '모두 삭제' : 'Delete everything', value: 'confirm', style: 'danger' },
      { actionId: 'forget_cancel', label: language === 'ko' ? '취소' : 'Cancel', value: 'cancel' },
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
  await deps.audit.record({ actorId: userId, action: 'forget', detail: { turns, feedback, tickets } }, storageTime(deps));
  return {
    text: language === 'ko'
      ? `삭제했습니다: 대화 ${turns}건, 초안, 피드백 ${feedback}건. 삭제 사실만 감사 기록에 남습니다.`
      : `Deleted: ${turns} conversation turns, your draft and ${feedback} feedback records. Only the fact of deletion is kept in the audit log.`,
  };
}
