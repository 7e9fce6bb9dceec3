import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import type { Translator } from './knowledge-loop-ports.js';
import { text } from '../messages/messages.js';
import type { StaffAnswer } from '../storage/ticket.js';

/**
 * The staff answer as one asker gets it: in their language when staff wrote it, else machine
 * translated (said so) when a model is configured, else as staff wrote it (also said so).
 */
export async function staffAnswerReplies(answer: StaffAnswer, language: Language, translator?: Translator): Promise<Reply> {
  const label = text(language, 'tickets.label', { name: answer.staffName, date: answer.answeredAt });
  const own = answer.text[language];
  if (own) return { text: `${label}\n${own}` };
  const original = answer.text[answer.language] ?? Object.values(answer.text)[0] ?? '';
  const translated = await translator?.translate(original, answer.language, language).catch(() => undefined);
  if (translated) return { text: `${label}\n${translated}`, notes: [text(language, 'tickets.translated')] };
  return { text: `${label}\n${original}`, notes: [text(language, 'tickets.otherLanguage')] };
}
