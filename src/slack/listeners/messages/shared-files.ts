import type { Language } from '../../../messages/language.js';
import type { Reply } from '../../../ports/reply.js';
import { detectLanguage } from '../../../messages/detect-language.js';
import { textIn } from '../../../messages/messages.js';
import type { IncomingSlackMessage, SharedFile } from '../conversation/incoming-message.js';

/**
 * What a research-plan document is called and saved as. Itda reads only staff members' call
 * documents (src/rounds), so a founder's plan shared in a DM gets a choice: fill in the form,
 * or pass the file to the program staff.
 */
const PLAN_DOCUMENT_NAME = /연구\s*계획|계획서|신청서|research[\s_-]*plan|proposal|application/i;
const DOCUMENT_TYPES = new Set(['docx', 'doc', 'hwp', 'hwpx', 'pdf', 'odt', 'md', 'markdown', 'text', 'txt', 'pages']);

export const PLAN_DOCUMENT_ACTIONS = { form: 'plan_document_form', staff: 'plan_document_staff' } as const;

export function isResearchPlanDocument(file: SharedFile): boolean {
  return DOCUMENT_TYPES.has(file.filetype.toLowerCase()) && PLAN_DOCUMENT_NAME.test(`${file.name} ${file.title}`);
}

/** Replies of Itda's own to files shared in a DM (channels: only the text is answered). */
export function sharedFileReplies(message: IncomingSlackMessage): Reply[] {
  if (message.channelType !== 'im' || message.files.length === 0) return [];
  const language: Language = message.text ? detectLanguage(message.text) : 'ko';
  const say = textIn(language);
  const plan = message.files.find(isResearchPlanDocument);
  if (!plan) return message.text ? [] : [{ text: say('slack.fileUnreadable') }];
  const value = JSON.stringify({ name: plan.name.slice(0, 200), permalink: plan.permalink ?? '' }).slice(0, 1900);
  return [{
    text: say('slack.planDocumentOffer', { name: plan.name || plan.title }),
    buttons: [
      { actionId: PLAN_DOCUMENT_ACTIONS.form, label: say('slack.planDocumentForm'), value, style: 'primary' },
      { actionId: PLAN_DOCUMENT_ACTIONS.staff, label: say('slack.planDocumentStaff'), value },
    ],
  }];
}
