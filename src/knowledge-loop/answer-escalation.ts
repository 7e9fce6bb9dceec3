import type { QuestionAnswer } from '../ports/capabilities.js';
import type { Reply } from '../ports/reply.js';
import type { KnowledgeLoop } from './knowledge-loop.js';
import { text } from '../messages/messages.js';

/** Replies a person would not answer differently (refusals, a you're-welcome): these get no "ask the program office" button. */
const NOT_FOR_STAFF = new Set<QuestionAnswer['kind']>(['injection', 'medical_advice', 'thanks']);

/**
 * Hands an answer to the knowledge loop: a no-source answer gains the one-line "sent to the
 * program office" note; any other answer gains the "담당자에게 묻기" button.
 */
export async function withProgramOffice(
  loop: KnowledgeLoop | undefined,
  reply: Reply,
  answer: { answerId: string; userId: string; conversationId?: string; question: string; result: QuestionAnswer; createdAt: string },
): Promise<Reply> {
  if (!loop) return reply;
  const { result } = answer;
  const notice = await loop.answered({
    answerId: answer.answerId,
    userId: answer.userId,
    conversationId: answer.conversationId,
    language: result.language,
    kind: result.kind,
    question: answer.question,
    answer: result.answer,
    sources: result.citations,
    createdAt: answer.createdAt,
  });
  if (notice) return { ...reply, notes: [...(reply.notes ?? []), notice] };
  if (NOT_FOR_STAFF.has(result.kind)) return reply;
  return { ...reply, buttons: [...(reply.buttons ?? []), { actionId: 'ticket_ask', label: text(result.language, 'tickets.askButton'), value: answer.answerId }] };
}
