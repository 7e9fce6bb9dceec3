import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTranscript, type Transcript } from '../conversation/itda-in-process.js';

/**
 * ITDA_NOW pins the program's "today" (deadline answers, demos); real time still runs for the
 * rate limiter and for what storage records. Buttons count against the same per-user limit.
 */
describe('a pinned date and the per-user limit', () => {
  let chat: Transcript;
  beforeAll(async () => {
    chat = await startTranscript({ ITDA_NOW: '2025-04-20', RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => chat.close());
  afterEach(() => vi.useRealTimers());

  it('dates answers by the pinned day but stores turns at the real time', async () => {
    expect(await chat.say('UPINNED', '마감 언제야?')).toContain('D-8');
    const [turn] = await chat.running.storage.database.all<{ created_at: string }>("SELECT created_at FROM conversation_turns WHERE user_id = 'UPINNED'");
    expect(Math.abs(Date.parse(turn!.created_at) - Date.now())).toBeLessThan(60_000);
  });

  it('lets the limit age out in real time, whatever the pinned date', async () => {
    await chat.say('UPINNED', '지원금은 얼마야?');
    await chat.say('UPINNED', '지원금은 얼마야?');
    expect(await chat.say('UPINNED', '지원금은 얼마야?')).toContain('1분쯤 뒤에');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    expect(await chat.say('UPINNED', '지원금은 얼마야?')).not.toContain('1분쯤 뒤에');
  });

  it('counts button presses against the same limit (40 Word exports in 9 s no more)', async () => {
    await chat.say('UBUTTONS', '지원금은 얼마야?');
    await chat.press('UBUTTONS', 'preapp_export_docx', 'docx');
    await chat.press('UBUTTONS', 'preapp_export_docx', 'docx');
    expect(await chat.press('UBUTTONS', 'preapp_export_docx', 'docx')).toContain('1분쯤 뒤에');
  });
});
