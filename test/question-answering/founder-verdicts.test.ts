import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeQa } from './knowledge-qa.js';

let qa: Awaited<ReturnType<typeof knowledgeQa>>;
beforeAll(async () => {
  qa = await knowledgeQa();
});
afterAll(() => qa.knowledge.close());

const firstLine = (answer: string) => answer.split('\n')[0]!;

/** Two turns of a thread: the second is asked with the first question and its answer as history. */
async function thread(first: string, second: string): Promise<string> {
  const earlier = await qa.ask(first);
  return qa.ask(second, { history: [first, earlier] });
}

describe('a founder asks yes or no: the verdict comes from what the documents say', () => {
  it('says 네 when the quoted line states the asked thing: "IRB 꼭 받아야 돼?"', async () => {
    const answer = await qa.ask('IRB 꼭 받아야 돼?');
    expect(firstLine(answer)).toMatch(/^네\./);
    expect(answer).toContain('인간대상연구는 기관생명윤리위원회(IRB) 심의를 받아야 합니다');
    expect(firstLine(await qa.ask('MRI 영상 받을 수 있어?'))).toMatch(/^네\./);
    expect(firstLine(await qa.ask('is there consulting?'))).toMatch(/^Yes/);
  });

  it('says 네 and names the project when "is there an X" finds one', async () => {
    const answer = await qa.ask('작년 선정 과제 중에 AI 영상 관련된 거 있어?');
    expect(firstLine(answer)).toMatch(/^네\. 자료에 있습니다: .*과제/);
  });

  it('stays 확인이 필요합니다 when the documents do not say', async () => {
    expect(firstLine(await qa.ask('작년 과제 중에 치과 관련된 거 있어?'))).toContain('확인이 필요합니다');
    expect(firstLine(await qa.ask('해외 지사에 있는 연구원이 데이터 열람해도 돼?'))).toContain('확인이 필요합니다');
    // A "Yes." written for another question (consent for pseudonymised data) is no yes to this one.
    expect(firstLine(await qa.ask('is there a presentation evaluation?'))).toMatch(/^To be confirmed/);
  });
});

describe('a founder asks about the cap, the deadline, images and the exemption', () => {
  it('reads "max" as the cap: "what\'s the max funding?" gives 50 million', async () => {
    expect(await qa.ask("what's the max funding?")).toContain('50 million');
    const both = await qa.ask("can we apply and what's the max funding?");
    const [first, second] = both.split('\n\n');
    expect(first).toContain('Within 10 years');
    expect(second).toContain('50 million');
  });

  it('answers "마감일 알려줘" from the schedule, computed against today', async () => {
    const answer = await qa.result('마감일 알려줘');
    expect(answer.kind).toBe('deadline');
    expect(answer.answer).toContain('2025년 4월 28일');
  });

  it('answers imaging pseudonymisation from the imaging section, not the genomic one', async () => {
    const answer = await qa.result('영상은 어떻게 가명처리해?');
    expect(answer.citations[0]?.section).toContain('의료영상');
    expect(answer.answer).toContain('DICOM');
  });

  it('follows "IRB가 뭐야?" with the exemption section for "면제는 어떻게 받아?"', async () => {
    const answer = await thread('IRB가 뭐야?', '면제는 어떻게 받아?');
    expect(firstLine(answer)).toContain('시행규칙 제13조');
  });

  it('leads "그 과제 어느 병원이랑 했어?" with the line naming the hospital', async () => {
    const answer = await thread('작년 선정 과제 중에 AI 영상 관련된 거 있어?', '그 과제 어느 병원이랑 했어?');
    expect(firstLine(answer)).toContain('세**병원');
  });
});

describe('a founder asks about spending and timing', () => {
  it('reads "어디다" as where the grant goes, not as the item', async () => {
    const answer = await qa.ask('지원금 어디다 쓸 수 있어?');
    expect(answer).toContain('데이터 가공비');
    expect(answer).toContain('법률 자문비');
  });

  it('answers "컨설팅 받는 비용도 지원금에서 나가나요?" as a spending question', async () => {
    const answer = await qa.ask('컨설팅 받는 비용도 지원금에서 나가나요?');
    expect(firstLine(answer)).toMatch(/^네\./);
    expect(answer).toContain('전문가 자문비');
  });

  it('answers when 2025 research starts from the schedule', async () => {
    const answer = await qa.result('2025년 선정 기업은 언제부터 연구를 시작하나요?');
    expect(answer.citations[0]?.source).toBe('knowledge/schedule.md');
    expect(answer.answer).toContain('공개되어 있지 않습니다');
  });

  it('answers both things a numbered item asks, inside that item', async () => {
    const answer = await qa.ask('1) 지원 대상인지 2) 지원금은 얼마고 어디에 쓸 수 있는지');
    const second = answer.slice(answer.indexOf('*2)'));
    expect(answer.indexOf('*2)')).toBeGreaterThan(0);
    expect(answer).not.toContain('*3)');
    expect(second).toContain('5천만 원');
    expect(second).toContain('데이터 가공비');
    expect(second).toContain('법률 자문비');
  });
});
