import type { types } from '@slack/bolt';
import type { KnowledgeSectionChoice } from '../../knowledge-loop/knowledge-loop-ports.js';
import type { StaffAnswerEntry } from '../../knowledge/staff-answers-file.js';
import type { Ticket } from '../../storage/ticket.js';
import { escapeMrkdwn } from '../mrkdwn.js';

export const ANSWER_MODAL = 'ticket_answer_modal';
export const EXISTING_MODAL = 'ticket_existing_modal';
export const EDIT_ANSWER_MODAL = 'staff_answer_edit_modal';

const LANGUAGES: types.PlainTextOption[] = [
  { text: { type: 'plain_text', text: '한국어 (ko)' }, value: 'ko' },
  { text: { type: 'plain_text', text: 'English (en)' }, value: 'en' },
];

const textInput = (block_id: string, label: string, options: { initial?: string; optional?: boolean; multiline?: boolean; hint?: string } = {}): types.InputBlock => ({
  type: 'input',
  block_id,
  optional: options.optional ?? false,
  label: { type: 'plain_text', text: label },
  ...(options.hint ? { hint: { type: 'plain_text', text: options.hint } } : {}),
  element: { type: 'plain_text_input', action_id: 'value', multiline: options.multiline ?? true, ...(options.initial ? { initial_value: options.initial.slice(0, 3000) } : {}) },
});

/** 답변하기: the answer, its language, an optional second language, the phrasings, and "add to the knowledge base". */
export function answerModal(ticket: Ticket): types.ModalView {
  const phrasings = [...new Set([ticket.question, ...ticket.askers.map((asker) => asker.question)])].join('\n');
  return {
    type: 'modal',
    callback_id: ANSWER_MODAL,
    private_metadata: String(ticket.id),
    title: { type: 'plain_text', text: `문의 #${ticket.id} 답변` },
    submit: { type: 'plain_text', text: '보내기' },
    close: { type: 'plain_text', text: '취소' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*질문*\n${escapeMrkdwn(ticket.question).slice(0, 2800)}\n_👥 ${ticket.askers.length}명에게 전달됩니다._` } },
      textInput('answer', '답변 (Answer)'),
      {
        type: 'input',
        block_id: 'language',
        label: { type: 'plain_text', text: '답변 언어 (Language)' },
        element: { type: 'static_select', action_id: 'value', options: LANGUAGES, initial_option: LANGUAGES.find((option) => option.value === ticket.language) },
      },
      textInput('answer_other', '다른 언어 답변 (optional, the other language)', { optional: true, hint: '쓰면 그 언어로 묻은 사람에게 이 답을 보냅니다. 비워 두면 번역(모델이 있을 때)하거나 원문을 보냅니다.' }),
      textInput('phrasings', '질문 문구 (지식 베이스용, 한 줄에 하나)', { optional: true, initial: phrasings, hint: '개인정보나 회사 이름은 지워 주세요.' }),
      {
        type: 'input',
        block_id: 'knowledge',
        optional: true,
        label: { type: 'plain_text', text: '지식 베이스' },
        element: { type: 'checkboxes', action_id: 'value', options: [{ text: { type: 'plain_text', text: '지식 베이스에 추가 (add to the knowledge base)' }, value: 'add' }] },
      },
    ],
  };
}

/** 이미 답변 있음: the sections retrieval finds for the question, to pick one. */
export function existingAnswerModal(ticket: Ticket, choices: KnowledgeSectionChoice[]): types.ModalView {
  const options: types.PlainTextOption[] = choices.slice(0, 100).map((choice) => ({ text: { type: 'plain_text', text: cut(choice.label, 75) }, value: choice.ref.slice(0, 150) }));
  return {
    type: 'modal',
    callback_id: EXISTING_MODAL,
    private_metadata: String(ticket.id),
    title: { type: 'plain_text', text: `문의 #${ticket.id}: 기존 안내` },
    submit: { type: 'plain_text', text: '보내기' },
    close: { type: 'plain_text', text: '취소' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*질문*\n${escapeMrkdwn(ticket.question).slice(0, 2800)}` } },
      options.length > 0
        ? { type: 'input', block_id: 'section', label: { type: 'plain_text', text: '보낼 문서 섹션 또는 FAQ' }, element: { type: 'static_select', action_id: 'value', options } }
        : { type: 'section', text: { type: 'mrkdwn', text: '맞는 섹션을 찾지 못했습니다. 답변하기로 답해 주세요.' } },
    ],
  };
}

/** App Home "수정": the entry's answer in both languages and its phrasings. */
export function editStaffAnswerModal(entry: StaffAnswerEntry): types.ModalView {
  return {
    type: 'modal',
    callback_id: EDIT_ANSWER_MODAL,
    private_metadata: entry.id,
    title: { type: 'plain_text', text: cut(`답변 수정: ${entry.id}`, 24) },
    submit: { type: 'plain_text', text: '저장' },
    close: { type: 'plain_text', text: '취소' },
    blocks: [
      textInput('answer_ko', '답변 (한국어)', { optional: true, initial: entry.answer.ko }),
      textInput('answer_en', 'Answer (English)', { optional: true, initial: entry.answer.en }),
      textInput('phrasings', '질문 문구 (한 줄에 하나)', { initial: entry.questions.join('\n') }),
    ],
  };
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
