import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAmountKrw, writeAmountIn } from '../../src/korean-numbers/amounts.js';
import { findDates } from '../../src/korean-numbers/dates.js';
import { parsePeriodWish } from '../../src/matching/need-numbers.js';
import { parseNeed } from '../../src/matching/parse-need.js';
import { loadGlossary } from '../../src/knowledge/glossary.js';
import { fieldById, loadResearchPlanForm } from '../../src/pre-application/form-definition.js';
import type { AnswerContext } from '../../src/pre-application/answer-context.js';
import { parseAnswer } from '../../src/pre-application/parse-answer.js';
import { validateAnswers } from '../../src/pre-application/validate-answers.js';
import { formatDate } from '../../src/program/deadline-status.js';
import { loadProgramFacts } from '../../src/program/program-facts.js';
import { readCallFacts } from '../../src/rounds/call-facts.js';

const knowledgeDir = fileURLToPath(new URL('../../knowledge', import.meta.url));
const form = loadResearchPlanForm(knowledgeDir);
const facts = loadProgramFacts(knowledgeDir);
const handMadeFile = JSON.parse(readFileSync(new URL('../fixtures/plan-answers.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const context: AnswerContext = { form, facts, language: 'ko', now: new Date('2025-04-01T00:00:00Z'), answers: {} };

function formAnswer(fieldId: string, typed: string): unknown {
  const parsed = parseAnswer(fieldById(form, fieldId)!, typed, context);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
}

function callFact(line: string, field: string): unknown {
  return readCallFacts([line]).find((fact) => fact.field === field)?.value;
}

describe('an amount, a date and a data period read the same in the form, the call reader, Q&A and matching', () => {
  it.each([
    ['5천만 원', 50_000_000],
    ['3,000만원', 30_000_000],
    ['0.3억 원', 30_000_000],
    ['3천5백만원', 35_000_000],
  ])('"%s" is %d won everywhere', (written, krw) => {
    // The founder types it as a budget line in the chat form.
    expect(formAnswer('budget', `데이터 가공비 ${written}`)).toEqual([expect.objectContaining({ amountKrw: krw })]);
    // The same words in a hand-made answers file given to `plan`.
    const file = validateAnswers({ ...handMadeFile, budget: [{ item: '데이터 가공비', amountKrw: written }] }, form, facts, context.now, 'ko');
    expect(file.ok && file.answers.budget).toEqual([expect.objectContaining({ amountKrw: krw })]);
    // A new call document says it as the grant cap.
    expect(callFact(`지원 규모: 기업당 최대 ${written} 이내`, 'round.capKrw')).toBe(krw);
  });

  it('Q&A writes the grant cap so that the shared reader reads it back as the cap', () => {
    for (const language of ['ko', 'en'] as const) expect(parseAmountKrw(writeAmountIn(language, facts.funding.cap_krw))).toBe(facts.funding.cap_krw);
    expect(writeAmountIn('ko', 50_000_000)).toBe('5천만 원');
    expect(writeAmountIn('en', 50_000_000)).toBe('50 million KRW');
    expect(parseAmountKrw('50 million KRW')).toBe(50_000_000);
  });

  it.each(['2025년 4월 28일', '2025. 4. 28.(월)', '2025.04.28', '2025-04-28'])('"%s" is 2025-04-28 for the call reader and as Itda writes it back', (written) => {
    expect(callFact(`신청 마감: ${written} 18:00까지`, 'round.deadline')).toBe('2025-04-28');
    expect(findDates(formatDate('2025-04-28', 'ko')).map((found) => found.date)).toEqual(['2025-04-28']);
  });

  it('"CT 2019~2023년" is the years 2019 to 2023 for the form and for matching', () => {
    expect(formAnswer('dataNeeds', 'CT 2019~2023년 5,000명')).toEqual([expect.objectContaining({ type: 'imaging', period: '2019~2023' })]);
    expect(parsePeriodWish('CT 2019~2023년 5,000명', 2026)).toEqual({ from: 2019, to: 2023 });
  });

  it('"환자 1만 명" is 10,000 patients for the form and for matching', () => {
    expect(formAnswer('dataNeeds', 'CT 환자 1만 명')).toEqual([expect.objectContaining({ minPatients: 10_000 })]);
    expect(parseNeed('CT 환자 1만 명', loadGlossary(`${knowledgeDir}/glossary.yaml`), 2026).minPatients).toBe(10_000);
  });
});
