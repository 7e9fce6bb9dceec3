import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResearchPlanForm } from '../../src/pre-application/form-definition.js';
import { readStoredState } from '../../src/pre-application/stored-form-state.js';
import { InMemoryDraftRepository } from './in-memory-draft-repository.js';
import { KNOWLEDGE_DIR, NOW, makeService, user } from './transcript.js';

const HOURS = 3_600_000;

/** A copy of knowledge/ whose form file is changed by `edit`, as staff would change it. */
function knowledgeWithForm(edit: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'itda-form-version-'));
  mkdirSync(join(dir, 'forms'));
  copyFileSync(join(KNOWLEDGE_DIR, 'program.yaml'), join(dir, 'program.yaml'));
  for (const file of ['form-utterances.yaml', 'privacy-checks.yaml']) copyFileSync(join(KNOWLEDGE_DIR, 'forms', file), join(dir, 'forms', file));
  writeFileSync(join(dir, 'forms', 'research-plan.yaml'), edit(readFileSync(join(KNOWLEDGE_DIR, 'forms', 'research-plan.yaml'), 'utf8')));
  return dir;
}

/** A draft saved under form version 1, before the form changed. */
const VERSION_1_STATE = {
  version: 1, formVersion: 1, language: 'ko', current: 'dataPeriod', trail: ['companyName', 'contactName', 'dataNeeds', 'minPatients'], skipped: [],
  answers: { company: { name: '주식회사 잇다헬스' }, contact: { name: '김잇다' }, dataNeeds: [{ type: 'imaging', description: '흉부 CT', period: '2015~2023' }] },
};

describe('coming back to a draft', () => {
  it('after a break, "안녕하세요" is greeted with where the draft stands and how to go on, and is not stored as an answer', async () => {
    let now = NOW;
    const { service } = makeService({ now: () => now });
    const founder = user(service, 'U-BREAK', 'ko');
    await founder.start();
    await founder.say('주식회사 잇다헬스');
    await founder.say('서울 성동구');
    now = new Date(NOW.getTime() + 3 * HOURS);
    const greeted = await founder.say('안녕하세요');
    expect(greeted).toContain('👋 다시 오셨네요. 작성 중인 신청서가 있어요 (2/21 항목');
    expect(greeted).toContain('지금 차례는 [3] 설립연도 질문이에요');
    expect(greeted).toContain('[3/21] 설립연도');
    expect((await service.describe('U-BREAK'))?.filled).toBe(2);
    expect(await founder.say('2021')).toContain('[4/21] 직원 수');
  });

  it('after a restart, the first answer is kept and the greeting says where the user is (English)', async () => {
    const drafts = new InMemoryDraftRepository();
    const before = user(makeService({ drafts }).service, 'U-RESTART', 'en');
    await before.start();
    await before.say('Itda Health Inc.');
    const after = user(makeService({ drafts }).service, 'U-RESTART', 'en');
    const reply = await after.say('Seongdong-gu, Seoul');
    expect(reply).toContain('👋 Welcome back. Your draft is waiting (1/21 fields');
    expect(reply).toContain('We were at question [2] location');
    expect(reply).toContain('✅ location: Seongdong-gu, Seoul');
  });

  it('a question mid-form reaches Q&A as the question alone, never with the stored draft', async () => {
    const { service, asked } = makeService();
    const founder = user(service, 'U-QA', 'ko');
    await founder.start();
    await founder.say('주식회사 잇다헬스');
    await founder.say('DRB 심의는 얼마나 걸려요?');
    expect(asked).toEqual(['DRB 심의는 얼마나 걸려요?']);
  });
});

describe('stored drafts carry the form version and follow its migrations', () => {
  it('a renamed field: the answer moves to the new path and the draft keeps going', async () => {
    const dir = knowledgeWithForm((yaml) => yaml
      .replace('version: 1\nmigrations: []', 'version: 2\nmigrations:\n  - { from: 1, to: 2, renamed: [{ id: contactName, to: contactPerson, path: contact.name, toPath: contact.person }] }')
      .replace('- id: contactName\n    path: contact.name', '- id: contactPerson\n    path: contact.person')
      .replace('alsoFills: [contact.email]', 'alsoFills: [contact.email]')
      .replace('requiredWith: contactName', 'requiredWith: contactPerson'));
    const { state, changes } = readStoredState(VERSION_1_STATE, loadResearchPlanForm(dir), 'ko');
    expect(state).toMatchObject({ formVersion: 2, current: 'dataPeriod', trail: ['companyName', 'contactPerson', 'dataNeeds', 'minPatients'] });
    expect(state.answers).toMatchObject({ contact: { person: '김잇다' } });
    expect((state.answers.contact as Record<string, unknown>).name).toBeUndefined();
    expect(changes).toEqual(['contact.name → contact.person']);

    const drafts = new InMemoryDraftRepository();
    await drafts.save({ userId: 'U-MIGRATE', state: VERSION_1_STATE, status: 'in_progress', updatedAt: NOW.toISOString() });
    const { service } = makeService({ drafts, knowledgeDir: dir });
    expect(await service.describe('U-MIGRATE')).toMatchObject({ status: 'in_progress' });
    expect(await user(service, 'U-MIGRATE', 'ko').say('상태')).toContain('• 담당자 이름: 김잇다');
  });

  it('a renamed field asked per data need: each data need keeps its own value under the new path', () => {
    const dir = knowledgeWithForm((yaml) => yaml
      .replace('version: 1\nmigrations: []', 'version: 2\nmigrations:\n  - { from: 1, to: 2, renamed: [{ id: dataPeriod, to: dataYears, path: "dataNeeds[].period", toPath: "dataNeeds[].years" }] }')
      .replace('- id: dataPeriod\n    path: dataNeeds[].period', '- id: dataYears\n    path: dataNeeds[].years'));
    const twoNeeds = { ...VERSION_1_STATE, answers: { ...VERSION_1_STATE.answers, dataNeeds: [{ type: 'imaging', description: '흉부 CT', period: '2015~2023' }, { type: 'emr', description: '진료기록', period: '2018~2024' }] } };
    const { state, changes } = readStoredState(twoNeeds, loadResearchPlanForm(dir), 'ko');
    expect(state.answers.dataNeeds).toEqual([{ type: 'imaging', description: '흉부 CT', years: '2015~2023' }, { type: 'emr', description: '진료기록', years: '2018~2024' }]);
    expect(state.current).toBe('dataYears');
    expect(changes).toEqual(['dataNeeds[].period → dataNeeds[].years']);
  });

  it('a removed field: its answers leave the form but are set aside, and a draft waiting on it moves to the next open question', async () => {
    const dir = knowledgeWithForm((yaml) => yaml
      .replace('version: 1\nmigrations: []', 'version: 2\nmigrations:\n  - { from: 1, to: 2, removed: [{ id: dataPeriod, path: "dataNeeds[].period" }] }')
      .replace(/  - id: dataPeriod\n[\s\S]*?(?=  - id: purposes)/, ''));
    const form = loadResearchPlanForm(dir);
    expect(form.fields.some((field) => field.id === 'dataPeriod')).toBe(false);
    const { state, changes } = readStoredState(VERSION_1_STATE, form, 'ko');
    expect(state.current).toBe('location');
    expect(state.answers.dataNeeds).toEqual([{ type: 'imaging', description: '흉부 CT' }]);
    expect(changes).toEqual(['removed dataNeeds[].period (set aside)']);
    expect(state.setAside).toEqual({ 'dataNeeds[].period@v1': ['2015~2023'] });
  });

  it('a draft saved before versions existed is version 1; an unreadable one keeps its answers', () => {
    const form = loadResearchPlanForm(KNOWLEDGE_DIR);
    const { formVersion: _dropped, ...legacy } = VERSION_1_STATE;
    expect(readStoredState(legacy, form, 'ko').state).toMatchObject({ formVersion: 1, current: 'dataPeriod' });
    const broken = readStoredState({ version: 7, answers: { title: '흉부 CT AI 검증' } }, form, 'en');
    expect(broken.state).toMatchObject({ language: 'en', answers: { title: '흉부 CT AI 검증' }, current: 'companyName', formVersion: 1 });
    expect(broken.changes[0]).toMatch(/unreadable state/);
    expect(broken.unreadable).toBe(true);
    expect(broken.state.unreadable).toEqual({ version: 7, answers: { title: '흉부 CT AI 검증' } });
  });

  it('an unreadable stored draft: the user is told, the form goes on, and the raw state is still stored after the next answer', async () => {
    const raw = { version: 7, language: 'ko', answers: { company: { name: '주식회사 잇다헬스' } }, trail: 'not-a-list' };
    const drafts = new InMemoryDraftRepository();
    await drafts.save({ userId: 'U-BROKEN', state: raw, status: 'in_progress', updatedAt: NOW.toISOString() });
    const { service } = makeService({ drafts });
    const founder = user(service, 'U-BROKEN', 'ko');

    const reply = await founder.say('성동구에 있어요');
    expect(reply).toContain('⚠️ 저장된 신청서를 모두 읽지 못해');
    expect(reply).toContain('보관해 두었으니');
    const stored = (await drafts.load('U-BROKEN'))!.state as { answers: { company: Record<string, unknown> }; unreadable: unknown };
    expect(stored.answers.company).toMatchObject({ name: '주식회사 잇다헬스', location: '서울 성동구' });
    expect(stored.unreadable).toEqual(raw);

    // Told once: the saved state now reads cleanly, and keeps the original along.
    expect(await founder.say('직원 12명')).not.toContain('⚠️ 저장된 신청서');
    expect(((await drafts.load('U-BROKEN'))!.state as { unreadable: unknown }).unreadable).toEqual(raw);
  });
});
