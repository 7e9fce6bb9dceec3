import type { Language } from '../../../messages/language.js';
import type { Reply } from '../../../ports/reply.js';
import { detectLanguage } from '../../../messages/detect-language.js';
import type { IncomingSlackMessage, SharedFile } from '../conversation/incoming-message.js';

/**
 * What a research-plan document is called and saved as. Itda reads only staff members' call
 * documents (src/rounds), so a founder's plan shared in a DM gets a choice: fill in the form,
 * or pass the file to the program staff.
 */
const PLAN_DOCUMENT_NAME = /연구\s*계획|계획서|신청서|research[\s_-]*plan|proposal|application/i;
const DOCUMENT_TYPES = new Set(['docx', 'doc', 'hwp', 'hwpx', 'pdf', 'odt', 'md', 'markdown', 'text', 'txt', 'pages']);

const WORDING = {
  ko: {
    planOffer: (name: string) => `*${name}* 파일을 받았습니다. 잇다는 아직 문서를 직접 읽지 못합니다. 연구계획서를 대화로 작성하시겠어요, 아니면 이 파일을 사업 담당자에게 전달할까요?`,
    form: '양식으로 작성하기',
    staff: '담당자에게 전달',
    unreadable: '파일 내용은 아직 읽지 못합니다. 궁금한 점을 메시지로 적어 주세요.',
  },
  en: {
    planOffer: (name: string) => `I received *${name}*. I can't read documents myself yet. Shall we draft your research plan in the form, or shall I pass this file to the program staff?`,
    form: 'Fill in the form',
    staff: 'Send to staff',
    unreadable: "I can't read files yet. Please type your question as a message.",
  },
} as const;

export const PLAN_DOCUMENT_ACTIONS = { form: 'plan_document_form', staff: 'plan_document_staff' } as const;

export function isResearchPlanDocument(file: SharedFile): boolean {
  return DOCUMENT_TYPES.has(file.filetype.toLowerCase()) && PLAN_DOCUMENT_NAME.test(`${file.name} ${file.title}`);
}

/** Replies of Itda's own to files shared in a DM (channels: only the text is answered). */
export function sharedFileReplies(message: IncomingSlackMessage): Reply[] {
  if (message.channelType !== 'im' || message.files.length === 0) return [];
  const language: Language = message.text ? detectLanguage(message.text) : 'ko';
  const wording = WORDING[language];
  const plan = message.files.find(isResearchPlanDocument);
  if (!plan) return message.text ? [] : [{ text: wording.unreadable }];
  const value = JSON.stringify({ name: plan.name.slice(0, 200), permalink: plan.permalink ?? '' }).slice(0, 1900);
  return [{
    text: wording.planOffer(plan.name || plan.title),
    buttons: [
      { actionId: PLAN_DOCUMENT_ACTIONS.form, label: wording.form, value, style: 'primary' },
      { actionId: PLAN_DOCUMENT_ACTIONS.staff, label: wording.staff, value },
    ],
  }];
}
