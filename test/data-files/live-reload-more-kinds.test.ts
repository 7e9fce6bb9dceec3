import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffFilesAtWork } from './staff-files-at-work.js';

const FOUNDER = 'UFOUNDER';
const STAFF = 'USTAFF';

/** One running Itda; each kind in turn: a good edit, a broken edit, the fix. */
describe('every other staff file under the same policy', () => {
  let itda: Awaited<ReturnType<typeof staffFilesAtWork>>;
  beforeAll(async () => {
    itda = await staffFilesAtWork();
  }, 60_000);
  afterAll(() => itda.close());

  const warnings = async () => (await itda.health()).dataFiles.warnings;

  it('funding uses: a new alias is recognised; a broken list keeps the last good one; a fix recovers', async () => {
    const question = '지원금으로 세무사 비용 내도 되나요?';
    const before = await itda.say(FOUNDER, question);
    const original = itda.edit('funding-uses.yaml', (text) => text.replace('aliases: [법률, 법무,', 'aliases: [세무사, 법률, 법무,'));
    expect(await itda.reloaded()).toEqual(['funding-uses']);
    const after = await itda.say(FOUNDER, question);
    expect(before).toContain('세무사 비용은 공고에 나온 지원금 사용처(데이터 가공비, 전문가 자문비, 데이터 이용료, 법률 자문비)에 없습니다');
    expect(after).toContain('세무사 비용은 공고에 나온 지원금 사용처 중 ‘법률 자문비’에 해당합니다');

    itda.write('funding-uses.yaml', original.replace('aliases: [법률, 법무,', 'aliases: [세무사, 법률, 법무,').replace('  - ko: 전문가 자문비\n', '  - ko:\n'));
    expect(await itda.reloaded()).toEqual([]);
    expect(await itda.say(FOUNDER, question)).toEqual(after);
    expect(await warnings()).toEqual([expect.objectContaining({ kind: 'funding-uses', file: 'knowledge/funding-uses.yaml', line: expect.any(Number) })]);

    itda.write('funding-uses.yaml', original);
    expect(await itda.reloaded()).toEqual(['funding-uses']);
    expect(await itda.say(FOUNDER, question)).toEqual(before);
    expect(await warnings()).toEqual([]);
  }, 60_000);

  it('hospital catalog: a new team is matched; a broken catalog keeps matching on the last good one; a fix recovers', async () => {
    const need = '/itda match 족부 궤양 사진 데이터';
    const team = `
  - id: test-foot-ulcer
    hospital: 잇다테스트병원
    consortium: 서울대병원
    department: 족부 궤양 영상 연구팀
    region: 서울
    expertise: [당뇨발, 족부 궤양]
    contact: foot@example.org
    assets:
      - title: 당뇨발 족부 궤양 임상 사진
        type: imaging
        modalities: [photo]
        diseases: [당뇨발, 족부 궤양]
        patients: 2100
        period: 2015-2024
        cdm: false
        description: 당뇨발 족부 궤양 환자의 임상 사진과 상처 크기 기록.
`;
    expect(await itda.say(STAFF, need)).not.toContain('잇다테스트병원');
    const original = itda.edit('hospitals/sample-catalog.yaml', (text) => text.replace('teams:\n', `teams:\n${team}`));
    expect(await itda.reloaded()).toEqual(['catalog']);
    const matched = await itda.say(STAFF, need);
    expect(matched).toContain('잇다테스트병원');

    itda.write('hospitals/sample-catalog.yaml', original.replace('teams:\n', `teams:\n${team.replace('    hospital: 잇다테스트병원\n', '')}`));
    expect(await itda.reloaded()).toEqual([]);
    expect(await itda.say(STAFF, need)).toContain('잇다테스트병원');
    expect(await warnings()).toEqual([expect.objectContaining({ kind: 'catalog', state: 'last-good-kept', line: expect.any(Number) })]);
    expect((await warnings())[0]!.problem).toContain('test-foot-ulcer');

    itda.write('hospitals/sample-catalog.yaml', original);
    expect(await itda.reloaded()).toEqual(['catalog']);
    expect(await itda.say(STAFF, need)).not.toContain('잇다테스트병원');
  }, 60_000);

  it('messages: reworded text is shown next; a broken catalog file keeps the last good wording; a fix recovers', async () => {
    const need = '/itda match 뇌졸중 CT';
    expect(await itda.say(STAFF, need)).toContain('병원 연구팀 후보');
    const original = itda.edit('messages/ko/conversation.yaml', (text) => text.replace('에 대한 병원 연구팀 후보*', '에 맞는 병원 연구팀*'));
    expect(await itda.reloaded()).toEqual(['messages']);
    expect(await itda.say(STAFF, need)).toContain('에 맞는 병원 연구팀');

    itda.write('messages/ko/conversation.yaml', original.replace('에 대한 병원 연구팀 후보*', '에 맞는 병원 연구팀*').replace('{need}"에 대한', '{needs}"에 대한').replace("matchHeading: '", 'matchHeading: "'));
    expect(await itda.reloaded()).toEqual([]);
    expect(await itda.say(STAFF, need)).toContain('에 맞는 병원 연구팀');
    expect(await warnings()).toEqual([expect.objectContaining({ kind: 'messages', state: 'last-good-kept', file: 'knowledge/messages/ko/conversation.yaml', line: expect.any(Number) })]);

    itda.write('messages/ko/conversation.yaml', original);
    expect(await itda.reloaded()).toEqual(['messages']);
    expect(await itda.say(STAFF, need)).toContain('병원 연구팀 후보');
  }, 60_000);

  it('glossary, routing examples, form examples, privacy checks and prompts: good edit swapped in, bad edit kept out, fix recovers', async () => {
    const cases = [
      { kind: 'glossary', file: 'glossary.yaml', good: (t: string) => t.replace('aliases: [commercialization grant,', 'aliases: [잇다지원금, commercialization grant,'), bad: (t: string) => t.replace('  - ko: 공동연구\n', '  - kox: 공동연구\n') },
      { kind: 'routing-examples', file: 'routing-examples.yaml', good: (t: string) => t.replace(/(  help:\n[\s\S]*?    examples:\n)/, '$1      - 잇다 사용법 알려줘\n'), bad: (t: string) => t.replace(/  help:\n/, '  helpp:\n') },
      { kind: 'form-utterances', file: 'forms/form-utterances.yaml', good: (t: string) => t.replace(/(  correction:\n)/, '$1    - 방금 거 틀렸어요 다시 할게요\n'), bad: (t: string) => t.replace('version: 1', 'version: 2') },
      { kind: 'privacy-checks', file: 'forms/privacy-checks.yaml', good: (t: string) => t.replace('version: 1', 'version: 1 # edited'), bad: (t: string) => t.replace(/    whenAny:/, '    whenAnyy:') },
      { kind: 'prompts', file: 'prompts/answer-question-user.md', good: (t: string) => `${t}\n(edited)\n`, bad: (t: string) => t.replace('{{passages}}', '{{passage}}') },
    ];
    for (const { kind, file, good, bad } of cases) {
      const first = itda.value(kind);
      const original = itda.edit(file, good);
      expect(await itda.reloaded(), kind).toEqual([kind]);
      const edited = itda.value(kind);
      expect(edited, kind).not.toBe(first);

      itda.write(file, bad(good(original)));
      expect(await itda.reloaded(), kind).toEqual([]);
      expect(itda.value(kind), kind).toBe(edited);
      const [warning] = await warnings();
      expect(warning, kind).toMatchObject({ kind, state: 'last-good-kept', file: file.startsWith('prompts/') ? file : `knowledge/${file}`, fix: expect.any(String) });
      expect(warning!.line, kind).toEqual(expect.any(Number));

      itda.write(file, original);
      expect(await itda.reloaded(), kind).toEqual([kind]);
      expect(await warnings(), kind).toEqual([]);
    }
  }, 60_000);
});
