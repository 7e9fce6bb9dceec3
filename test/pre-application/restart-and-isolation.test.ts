import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/storage/database.js';
import { SqliteDraftRepository } from '../../src/storage/sqlite-draft-repository.js';
import { KOREAN_ANSWERS, makeService, user } from './transcript.js';

describe('drafts survive a restart and stay private', () => {
  it('a new service instance on the same SQLite file resumes at the same step', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'itda-drafts-')), 'itda.sqlite');
    const firstDatabase = await Database.open(path);
    const before = makeService({ drafts: new SqliteDraftRepository(firstDatabase) });
    const founder = user(before.service, 'U-RESTART', 'ko');
    await founder.start();
    for (const [answer] of KOREAN_ANSWERS.slice(0, 8)) await founder.say(answer);
    expect(await founder.say('마감 언제야?')).toContain('[10/21] 연구 목표');
    await firstDatabase.close();

    const secondDatabase = await Database.open(path);
    const after = makeService({ drafts: new SqliteDraftRepository(secondDatabase) });
    expect(await after.service.hasActiveDraft('U-RESTART')).toBe(true);
    const resumed = user(after.service, 'U-RESTART', 'ko');
    const reply = await resumed.start();
    expect(reply).toContain('작성 중인 신청서를 이어서 씁니다 (9/21 항목');
    expect(reply).toContain('[10/21] 연구 목표');
    expect(await resumed.say(KOREAN_ANSWERS[8]![0])).toContain('[11/21] 활용 데이터');
    expect(await after.service.describe('U-RESTART')).toMatchObject({ status: 'in_progress', filled: 10, total: 21 });
    await secondDatabase.close();
  });

  it('two users drafting at once never see or change each other’s answers', async () => {
    const { service } = makeService();
    const alice = user(service, 'U-ALICE', 'ko');
    const bob = user(service, 'U-BOB', 'en');
    await alice.start();
    await bob.start();
    expect(await alice.say('앨리스헬스')).toContain('[2/21] 소재지');
    expect(await bob.say('Bob Bio')).toContain('[2/21] location');
    expect(await alice.say('서울 강남구')).toContain('[3/21] 설립연도');
    expect(await bob.say('back')).toContain('Current answer: Bob Bio');
    expect(await alice.say('상태')).not.toContain('Bob Bio');
    expect(await bob.say('status')).not.toContain('앨리스헬스');
    expect(await alice.say('취소')).toContain('정말');
    await alice.say('네');
    expect(await service.hasActiveDraft('U-ALICE')).toBe(false);
    expect(await service.hasActiveDraft('U-BOB')).toBe(true);
    expect((await service.exportDraft('U-BOB', 'md'))!.content.toString()).toContain('Bob Bio');
    expect(await service.exportDraft('U-ALICE', 'md')).toBeUndefined();
    expect(await service.submittedResearchNeed('U-BOB')).toBeUndefined();
  });
});
