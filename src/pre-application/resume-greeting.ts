import type { Language } from '../messages/language.js';
import { fieldById, type FormDefinition } from './form-definition.js';
import { filledCount, type FormState } from './form-state.js';

/** After this long without a message, the next one is greeted with where the draft stands. */
export const BREAK_MS = 30 * 60_000;

/** "다시 왔어요", "continue": a message that only says "I'm back" is greeted, not stored as an answer. */
const ONLY_RETURNING = /^(?:안녕(?:하세요)?|하이|다시\s*왔어요|계속(?:할게요|하기)?|이어서(?:\s*할게요|\s*쓸게요)?|hi|hello|hey|i'?m back|continue|resume)[.!~\s]*$/i;

export function onlySaysReturning(text: string): boolean {
  return ONLY_RETURNING.test(text.trim());
}

const WORDS = {
  ko: {
    back: (filled: number, total: number, when: string) => `👋 다시 오셨네요. 작성 중인 신청서가 있어요 (${filled}/${total} 항목, 마지막 수정 ${when}).`,
    asking: (number: number, label: string) => `지금 차례는 [${number}] ${label} 질문이에요. 답을 이어서 쓰거나 \`상태\`(작성 현황), \`뒤로\`, \`도움말\`을 입력하세요.`,
    done: '모든 항목을 작성했어요. `내보내기`·`워드`로 파일을 받고, `수정 <항목>`으로 고치거나 `제출`할 수 있어요.',
  },
  en: {
    back: (filled: number, total: number, when: string) => `👋 Welcome back. Your draft is waiting (${filled}/${total} fields, last change ${when}).`,
    asking: (number: number, label: string) => `We were at question [${number}] ${label}. Answer it, or type \`status\`, \`back\` or \`help\`.`,
    done: 'Every field is filled. Type `export` or `word` for the file, `edit <field>` to change an answer, or `submit`.',
  },
};

export function resumeGreeting(form: FormDefinition, state: FormState, updatedAt: string, language: Language): string {
  const words = WORDS[language];
  const when = `${updatedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const field = state.current ? fieldById(form, state.current) : undefined;
  const next = field ? words.asking(form.fields.indexOf(field) + 1, field.label[language]) : words.done;
  return `${words.back(filledCount(form, state.answers), form.fields.length, when)} ${next}`;
}
