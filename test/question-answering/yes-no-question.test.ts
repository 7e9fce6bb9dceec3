import { describe, expect, it } from 'vitest';
import { isYesNoQuestion, opensWithVerdict, withoutAffirmativeOpening } from '../../src/question-answering/yes-no-question.js';

describe('telling a yes/no question from a "what/when/how much" one', () => {
  it('hears yes/no in 반말, typos and "…한지 궁금해요"', () => {
    for (const question of ['IRB 면제 가능한지 궁금해요', '데이터를 외부로 반출할 수 있을까', '가명정보는 동의 없이 써도 괜찮아?', '데이터 반출 되나여', '병원을 우리가 고를 수 있어요?', '동의 받아야 하나']) {
      expect(isYesNoQuestion(question, 'ko'), question).toBe(true);
    }
    for (const question of ['Any chance a Busan company can apply?', 'Hospitals give raw data?', 'Is IRB exemption possible']) expect(isYesNoQuestion(question, 'en'), question).toBe(true);
  });

  it('does not take a question word or a bare topic for yes/no', () => {
    for (const question of ['지원금 얼마 나와?', '마감 언제야?', '어떤 데이터를 쓸 수 있나요?']) expect(isYesNoQuestion(question, 'ko'), question).toBe(false);
    for (const question of ['what data can we get?', 'deadline?']) expect(isYesNoQuestion(question, 'en'), question).toBe(false);
  });

  it('reads "네," as a yes but "네 가지" as four kinds, and drops only a yes that answers nothing', () => {
    expect(opensWithVerdict('네, 과제는 병원 연구진과 함께 수행합니다.')).toBe(true);
    expect(opensWithVerdict('네 가지 외 항목은 담당자에게 확인하세요.')).toBe(false);
    expect(withoutAffirmativeOpening('네, 과제는 병원 연구진과 함께 수행합니다.')).toBe('과제는 병원 연구진과 함께 수행합니다.');
    expect(withoutAffirmativeOpening('Yes, pseudonymised data may be used.')).toBe('Pseudonymised data may be used.');
    expect(withoutAffirmativeOpening('아니요. 데이터는 반출되지 않습니다.')).toBe('아니요. 데이터는 반출되지 않습니다.');
  });
});
