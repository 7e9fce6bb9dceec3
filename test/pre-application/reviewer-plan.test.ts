import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftRenderer } from '../../src/pre-application/draft-renderer.js';
import { PlanKnowledge } from '../../src/pre-application/plan-knowledge.js';
import { describeResearchNeed } from '../../src/pre-application/research-need.js';
import { openAiChatModel, type ChatModelSource } from '../../src/llm/chat-model.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';
import { KNOWLEDGE_DIR, NOW } from './transcript.js';

const answers = () => JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/plan-answers.json', import.meta.url)), 'utf8')) as Record<string, any>;
const renderer = (chatModel?: ChatModelSource) => new DraftRenderer({ knowledgeDir: KNOWLEDGE_DIR, now: () => NOW, ...(chatModel ? { chatModel } : {}) }, new PlanKnowledge(KNOWLEDGE_DIR));

describe('a plan a reviewer would accept', () => {
  it('flags data leaving the hospital, overseas access, combination without an agency and no IRB/DRB, naming each rule', async () => {
    const risky = {
      ...answers(),
      methods: '가명처리된 CT를 AWS 미국 리전의 자사 서버로 옮겨 학습하고, 미국 CTO가 원격 접속해 검증합니다. 병원 데이터를 자사 데이터와 결합해 정확도를 높입니다.',
      privacyPlan: '가명처리된 데이터만 씁니다.',
      schedule: [{ period: '1~3개월', task: '모델 학습' }],
    };
    const markdown = await renderer().markdown(risky, 'ko');
    expect(markdown).toContain('⚠️ 보건의료데이터 활용 가이드라인: 가명정보는 병원 내 폐쇄 분석환경에서 분석:');
    expect(markdown).toContain('⚠️ 개인정보 보호법 제28조의8 (국외 이전):');
    expect(markdown).toContain('⚠️ 개인정보 보호법 제28조의3 (가명정보 결합은 결합전문기관에서):');
    expect(markdown).toContain('⚠️ 생명윤리법 IRB 심의 및 병원 DRB(데이터심의위원회) 승인:');
    const checklist = renderer().checklist(risky, 'en').map((item) => item.text);
    expect(checklist).toContainEqual(expect.stringContaining('PIPA Art. 28-8 (transfer abroad)'));
    // The careful plan trips none of them.
    const careful = await renderer().markdown(answers(), 'ko');
    expect(careful).not.toContain('⚠️ 개인정보 보호법 제28조의8');
    expect(careful).not.toContain('⚠️ 보건의료데이터 활용 가이드라인');
  });

  it('offline, a chat-style answer is kept verbatim and marked for the user to polish', async () => {
    const casual = { ...answers(), company: { ...answers().company, business: '흉부 CT에서 폐결절 찾아 주는 AI 만드는 회사예요' } };
    const markdown = await renderer().markdown(casual, 'ko');
    expect(markdown).toContain('흉부 CT에서 폐결절 찾아 주는 AI 만드는 회사예요\n\n_✏️ 대화체 답을 그대로 옮겼어요. 제출 전에 계획서 문체(~합니다, ~함)로 다듬으세요._');
    expect(await renderer().markdown(answers(), 'ko')).not.toContain('✏️ 대화체');
  });

  it('diseases, patients and period given once for all the data are written once, not copied into every data type', async () => {
    const scope = { diseases: ['폐결절'], minPatients: 2000, period: '2015~2023' };
    const twoTypes = { ...answers(), dataNeeds: [
      { type: 'imaging', description: '흉부 CT 영상', ...scope },
      { type: 'emr', description: '조직검사 결과', ...scope },
    ] };
    const markdown = await renderer().markdown(twoTypes, 'ko');
    expect(markdown.match(/대상 질환: 폐결절/g)).toHaveLength(1);
    expect(markdown).toContain('공통 범위 (위의 모든 데이터)');
    const different = { ...twoTypes, dataNeeds: [twoTypes.dataNeeds[0], { ...twoTypes.dataNeeds[1], diseases: ['폐암'] }] };
    const perType = await renderer().markdown(different, 'ko');
    expect(perType).toContain('대상 질환: 폐결절');
    expect(perType).toContain('대상 질환: 폐암');
    expect(perType).not.toContain('공통 범위');
  });

  it('counts in free text ("약 3만건") are not passed to matching as a patient minimum', () => {
    const need = describeResearchNeed({ ...answers(), dataNeeds: [{ type: 'emr', description: '외래 진료기록 약 3만건', minPatients: undefined }] });
    expect(need).not.toMatch(/3만|30,?000/);
    expect(need).toContain('외래 진료기록');
    expect(describeResearchNeed(answers())).toContain('2000명');
  });
});

describe('with a language model: the rewrite into plan style keeps every number, name and date', () => {
  let openai: FakeOpenAi;
  beforeAll(async () => {
    openai = await startFakeOpenAi();
  });
  afterAll(async () => openai.close());
  const model = () => openAiChatModel({ apiKey: 'test', baseUrl: openai.url, model: 'fake', timeoutMs: 5_000, maxRetries: 0 });
  const casual = () => ({ ...answers(), expectedOutcomes: '검증 끝나면 2026년에 식약처 2등급 허가 신청하고 서울대병원 포함 3곳에 팔 거예요' });

  it('uses a rewrite that keeps them', async () => {
    openai.setChatReply(JSON.stringify({ text: '검증 완료 후 2026년 식약처 2등급 허가를 신청하고, 서울대병원을 포함한 3곳에 공급합니다.' }));
    const markdown = await renderer(model()).markdown(casual(), 'ko');
    expect(markdown).toContain('검증 완료 후 2026년 식약처 2등급 허가를 신청하고, 서울대병원을 포함한 3곳에 공급합니다.');
    expect(markdown).not.toContain('팔 거예요');
    const sent = openai.requests.at(-1)!.body.messages.map((message: { content: string }) => message.content).join('\n');
    expect(sent).toContain('팔 거예요');
    expect(sent).not.toContain('itda@example.com');
  });

  it('keeps the answer as typed (marked ✏️) when the rewrite changed a number', async () => {
    openai.setChatReply(JSON.stringify({ text: '검증 완료 후 2027년 식약처 2등급 허가를 신청하고, 서울대병원을 포함한 5곳에 공급합니다.' }));
    const markdown = await renderer(model()).markdown(casual(), 'ko');
    expect(markdown).toContain('검증 끝나면 2026년에 식약처 2등급 허가 신청하고 서울대병원 포함 3곳에 팔 거예요');
    expect(markdown).toContain('✏️ 대화체 답을 그대로 옮겼어요');
    expect(markdown).not.toContain('2027년');
  });
});
