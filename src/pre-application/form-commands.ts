import type { Language } from '../messages/language.js';
import type { FormDefinition, FormField } from './form-definition.js';

/**
 * The words that steer the form instead of answering it. A command must be the whole
 * message, so an answer that merely contains "수정" or "back" is still an answer.
 */
export type FormCommand =
  | { kind: 'back' | 'skip' | 'status' | 'cancel' | 'help' | 'submit' | 'yes' | 'no' }
  | { kind: 'edit'; field?: FormField; target: string }
  | { kind: 'export'; format: 'md' | 'docx' }
  | { kind: 'language'; language: Language };

const WORDS: [FormCommand, RegExp][] = [
  [{ kind: 'back' }, /^(뒤로|이전|이전\s*질문|back|previous|go back)$/i],
  [{ kind: 'skip' }, /^(건너뛰기|건너뛸게요|건너뛰어|넘어가기|넘어갈게요|스킵|패스|없어요|없음|없습니다|skip|pass|next|none|n\/a)$/i],
  [{ kind: 'status' }, /^(상태|진행\s*상황|현황|어디까지\s*했어\??|status|progress)$/i],
  [{ kind: 'cancel' }, /^(취소|그만|그만할래요|작성\s*취소|cancel|quit|stop)$/i],
  [{ kind: 'help' }, /^(도움말|도움|명령어|help|\?)$/i],
  [{ kind: 'submit' }, /^(제출|제출할게요|제출하기|submit)$/i],
  [{ kind: 'export', format: 'md' }, /^(내보내기|마크다운|다운로드|export|markdown|md|download)$/i],
  [{ kind: 'export', format: 'docx' }, /^(워드|워드\s*파일|word|docx|\.docx)$/i],
  [{ kind: 'yes' }, /^(네|예|응|좋아요|맞아요|확인|yes|y|ok|okay|sure)$/i],
  [{ kind: 'no' }, /^(아니요|아니오|아니|아뇨|no|n|nope)$/i],
  [{ kind: 'language', language: 'en' }, /^(english|in english|영어로|영어)$/i],
  [{ kind: 'language', language: 'ko' }, /^(한국어|한국어로|korean|in korean)$/i],
];

export function parseFormCommand(raw: string, form: FormDefinition): FormCommand | undefined {
  const text = raw.trim().replace(/[.!。]+$/, '').replace(/^\/?itda\s+/i, '');
  for (const [command, pattern] of WORDS) if (pattern.test(text)) return command;
  const edit = /^(?:수정|편집|고치기|edit|change)\s+(.+)$/i.exec(text) ?? /^(.+?)\s*(?:수정|수정할래요|고칠래요|바꿀래요)$/.exec(text);
  // "change the founding year to 2019" carries its new value: a correction, not a jump to the field.
  if (edit && !/\s(?:to|=|into)\s|(?:으)?로\s*(?:바꿔|고쳐)/i.test(edit[1]!)) {
    const target = edit[1]!.trim();
    return { kind: 'edit', target, field: findField(form, target) };
  }
  return undefined;
}

export function findField(form: FormDefinition, name: string): FormField | undefined {
  const wanted = normalise(name);
  const names = (field: FormField) => [field.id, field.path, field.label.ko, field.label.en, ...field.aliases].map(normalise);
  return form.fields.find((field) => names(field).includes(wanted))
    ?? form.fields.find((field) => names(field).some((candidate) => candidate.length > 1 && (candidate.includes(wanted) || wanted.includes(candidate))));
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_\-·()]/g, '').replace(/(을|를|이|가)$/, '');
}
