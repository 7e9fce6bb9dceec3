import type { Language } from '../conversation/reply.js';
import type { BudgetItem, DataNeed, PartialAnswers, ScheduleStep } from './answers-schema.js';
import { choicesOf, type FormDefinition, type FormField } from './form-definition.js';
import { getAt, isFilled } from './answer-paths.js';
import { describeChoices } from './match-choices.js';
import { formatKrw } from './parse-amount.js';
import { sayIn } from './answer-limits.js';

/** How the form speaks: the question with why and an example, stored values, status, help. */
export function questionText(form: FormDefinition, field: FormField, answers: PartialAnswers, language: Language, required: boolean): string {
  const say = sayIn(language);
  const number = form.fields.indexOf(field) + 1;
  const lines = [`*[${number}/${form.fields.length}] ${field.label[language]}*`, field.question[language]];
  if (field.kind === 'choices') lines.push(describeChoices(choicesOf(form, field.choices ?? ''), language));
  lines.push(say(`_왜 묻나요:_ ${field.why.ko}`, `_Why I ask:_ ${field.why.en}`));
  lines.push(say(`예: ${field.example.ko}`, `Example: ${field.example.en}`));
  if (isFilled(answers, field.path)) lines.push(say(`지금 답: ${formatValue(form, field, getAt(answers, field.path), language)}`, `Current answer: ${formatValue(form, field, getAt(answers, field.path), language)}`));
  if (!required) lines.push(say('(선택 항목: `건너뛰기`로 넘어갈 수 있어요)', '(Optional: type `skip` to move on)'));
  return lines.join('\n');
}

export function formatValue(form: FormDefinition, field: FormField, value: unknown, language: Language): string {
  if (value === undefined) return '—';
  const say = sayIn(language);
  switch (field.kind) {
    case 'choices': {
      const choices = choicesOf(form, field.choices ?? '');
      return (value as string[]).map((id) => choices.find((choice) => choice.id === id)?.[language] ?? id).join(', ');
    }
    case 'dataNeeds': {
      const types = choicesOf(form, 'dataTypes');
      return (value as DataNeed[]).map((need) => `${types.find((type) => type.id === need.type)?.[language] ?? need.type}: ${need.description}`).join('; ');
    }
    case 'schedule':
      return (value as ScheduleStep[]).map((step) => `${step.period}: ${step.task}`).join('; ');
    case 'budget': {
      const items = value as BudgetItem[];
      const total = items.reduce((sum, item) => sum + item.amountKrw, 0);
      return items.map((item) => `${item.item} ${formatKrw(item.amountKrw)}${say('원', ' KRW')}`).join('; ') + say(` (합계 ${formatKrw(total)}원)`, ` (total ${formatKrw(total)} KRW)`);
    }
    default:
      return Array.isArray(value) ? value.join('; ') : String(value);
  }
}

export function statusText(form: FormDefinition, answers: PartialAnswers, skipped: string[], language: Language): string {
  const say = sayIn(language);
  const filled = form.fields.filter((field) => isFilled(answers, field.path));
  const missing = form.fields.filter((field) => !isFilled(answers, field.path));
  const lines = [say(`*작성 현황: ${filled.length}/${form.fields.length} 항목*`, `*Progress: ${filled.length}/${form.fields.length} fields*`)];
  lines.push(say('작성함:', 'Filled:'));
  for (const field of filled) lines.push(`• ${field.label[language]}: ${shorten(formatValue(form, field, getAt(answers, field.path), language))}`);
  if (missing.length > 0) {
    lines.push(say('남은 항목:', 'Missing:'));
    for (const field of missing) {
      const note = skipped.includes(field.id) ? say(' (건너뜀)', ' (skipped)') : field.required ? '' : say(' (선택)', ' (optional)');
      lines.push(`• ${field.label[language]}${note}`);
    }
  }
  return lines.join('\n');
}

export function helpText(language: Language): string {
  return sayIn(language)(
    [
      '*신청서 작성 중 쓸 수 있는 말*',
      '• `뒤로` — 이전 질문으로',
      '• `건너뛰기` — 선택 항목 넘어가기',
      '• `수정 <항목>` — 예: `수정 예산`, `수정 설립연도`',
      '• `상태` — 작성한 항목과 남은 항목',
      '• `취소` — 작성 취소 (확인 후 삭제)',
      '• `내보내기` / `워드` — 초안 파일 받기, `제출` — 담당자에게 제출',
      '• `English` — 영어로 진행',
      '궁금한 점(예: "마감 언제야?")을 물어보면 답한 뒤 같은 질문으로 돌아옵니다.',
    ].join('\n'),
    [
      '*Words you can use while drafting*',
      '• `back` — the previous question',
      '• `skip` — skip an optional field',
      '• `edit <field>` — e.g. `edit budget`, `edit founding year`',
      '• `status` — what is filled and what is missing',
      '• `cancel` — stop and delete the draft (asks first)',
      '• `export` / `word` — get the draft as a file, `submit` — send it to the program office',
      '• `한국어` — continue in Korean',
      'Ask a question (e.g. "When is the deadline?") and I answer it, then return to the same question.',
    ].join('\n'),
  );
}

function shorten(text: string): string {
  return [...text].length > 80 ? `${[...text].slice(0, 77).join('')}…` : text;
}
