import { afterEach, describe, expect, it, vi } from 'vitest';
import { SqliteDraftRepository } from '../../src/storage/sqlite-draft-repository.js';
import { startTranscript, type Transcript } from '../conversation/itda-in-process.js';

/** Issue 14 item 7: the engine looks at the draft several times per message; SQLite is read once. */
describe('the draft is read from SQLite once per message', () => {
  let transcript: Transcript | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await transcript?.close();
  });

  it('a founder in the middle of the form: one read for the answer that fills the next field', async () => {
    transcript = await startTranscript();
    expect(await transcript.say('UONCE', '신청서 작성할래요')).toContain('[1/21]');
    expect(await transcript.say('UONCE', '원스헬스')).toContain('[2/21]');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const reads = vi.spyOn(SqliteDraftRepository.prototype, 'load');
    expect(await transcript.say('UONCE', '서울 강남구')).toContain('[3/21]');
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('a question from someone without a draft: at most one read, and a later save is seen at once', async () => {
    transcript = await startTranscript();
    const reads = vi.spyOn(SqliteDraftRepository.prototype, 'load');
    expect(await transcript.say('UNODRAFT', '신청 마감이 언제예요?')).toMatch(/마감/);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(1);
    // "No draft" was remembered; starting the form right after must not be answered from that memory.
    expect(await transcript.say('UNODRAFT', '신청서 작성할래요')).toMatch(/기업명|회사/);
    const draft = await transcript.running.storage.drafts.load('UNODRAFT');
    expect(draft?.status).toBe('in_progress');
  });

  it('what a caller does to a loaded draft does not change the remembered one', async () => {
    transcript = await startTranscript();
    await transcript.say('UCOPY', '신청서 작성할래요');
    const first = (await transcript.running.storage.drafts.load('UCOPY'))!;
    first.status = 'cancelled';
    expect((await transcript.running.storage.drafts.load('UCOPY'))?.status).toBe('in_progress');
  });
});
