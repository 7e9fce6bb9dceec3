import type { types } from '@slack/bolt';
import type { KnowledgeSectionChoice } from '../../knowledge-loop/knowledge-loop-ports.js';
import type { StaffAnswerEntry } from '../../knowledge/staff-answers-file.js';
import type { Ticket } from '../../storage/ticket.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { text } from '../../messages/messages.js';

export const ANSWER_MODAL = 'ticket_answer_modal';
export const EXISTING_MODAL = 'ticket_existing_modal';
export const EDIT_ANSWER_MODAL = 'staff_answer_edit_modal';

// Built when a modal opens, not at import: a message looked up at import parses the bundled catalog's
// YAML before the start installs the cached one (half a second of every start), and keeps its wording.
const languages = (): types.PlainTextOption[] => [
  { text: { type: 'plain_text', text: text('ko', 'staff-tickets.languageKo') }, value: 'ko' },
  { text: { type: 'plain_text', text: text('ko', 'staff-tickets.languageEn') }, value: 'en' },
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
    title: { type: 'plain_text', text: text('ko', 'staff-tickets.answerTitle', { id: ticket.id }) },
    submit: { type: 'plain_text', text: text('ko', 'staff-tickets.send') },
    close: { type: 'plain_text', text: text('ko', 'staff-tickets.cancel') },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: text('ko', 'staff-tickets.answerQuestion', { question: escapeMrkdwn(ticket.question).slice(0, 2800), count: ticket.askers.length }) } },
      textInput('answer', text('ko', 'staff-tickets.answerLabel')),
      {
        type: 'input',
        block_id: 'language',
        label: { type: 'plain_text', text: text('ko', 'staff-tickets.answerLanguageLabel') },
        element: { type: 'static_select', action_id: 'value', options: languages(), initial_option: languages().find((option) => option.value === ticket.language) },
      },
      textInput('answer_other', text('ko', 'staff-tickets.answerOtherLabel'), { optional: true, hint: text('ko', 'staff-tickets.answerOtherHint') }),
      textInput('phrasings', text('ko', 'staff-tickets.phrasingsLabel'), { optional: true, initial: phrasings, hint: text('ko', 'staff-tickets.phrasingsHint') }),
      {
        type: 'input',
        block_id: 'knowledge',
        optional: true,
        label: { type: 'plain_text', text: text('ko', 'staff-tickets.knowledgeLabel') },
        element: { type: 'checkboxes', action_id: 'value', options: [{ text: { type: 'plain_text', text: text('ko', 'staff-tickets.knowledgeAdd') }, value: 'add' }] },
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
    title: { type: 'plain_text', text: text('ko', 'staff-tickets.existingTitle', { id: ticket.id }) },
    submit: { type: 'plain_text', text: text('ko', 'staff-tickets.send') },
    close: { type: 'plain_text', text: text('ko', 'staff-tickets.cancel') },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: text('ko', 'staff-tickets.existingQuestion', { question: escapeMrkdwn(ticket.question).slice(0, 2800) }) } },
      options.length > 0
        ? { type: 'input', block_id: 'section', label: { type: 'plain_text', text: text('ko', 'staff-tickets.sectionLabel') }, element: { type: 'static_select', action_id: 'value', options } }
        : { type: 'section', text: { type: 'mrkdwn', text: text('ko', 'staff-tickets.noSection') } },
    ],
  };
}

/** App Home "수정": the entry's answer in both languages and its phrasings. */
export function editStaffAnswerModal(entry: StaffAnswerEntry): types.ModalView {
  return {
    type: 'modal',
    callback_id: EDIT_ANSWER_MODAL,
    private_metadata: entry.id,
    title: { type: 'plain_text', text: cut(text('ko', 'staff-tickets.editTitle', { id: entry.id }), 24) },
    submit: { type: 'plain_text', text: text('ko', 'staff-tickets.save') },
    close: { type: 'plain_text', text: text('ko', 'staff-tickets.cancel') },
    blocks: [
      textInput('answer_ko', text('ko', 'staff-tickets.editAnswerKo'), { optional: true, initial: entry.answer.ko }),
      textInput('answer_en', text('ko', 'staff-tickets.editAnswerEn'), { optional: true, initial: entry.answer.en }),
      textInput('phrasings', text('ko', 'staff-tickets.editPhrasingsLabel'), { initial: entry.questions.join('\n') }),
    ],
  };
}

function cut(value: string, limit: number): string {
  return value.length <= limit ? value : `${value.slice(0, limit - 1)}…`;
}
