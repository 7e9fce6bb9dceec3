import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoundNewsStore } from '../../src/rounds/round-news-store.js';
import { startTranscript, type Transcript } from '../conversation/itda-in-process.js';

/** Round news from the founder's side, as the terminal shows it. */
describe('subscribing to round news', () => {
  let chat: Transcript;
  beforeAll(async () => {
    chat = await startTranscript();
  });
  afterAll(() => chat.close());

  it('offers the subscription under a deadline answer and confirms it', async () => {
    expect(await chat.say('UFOUNDER', '/itda deadline')).toContain('[1] 새 공고 알림 받기');
    expect(await chat.press('UFOUNDER', 'round_subscribe')).toContain('새 공고 알림을 신청했습니다');
    expect(await chat.say('UFOUNDER', '/itda subscribe')).toContain('이미 새 공고 알림을 받고 있습니다');
  });

  it('/itda unsubscribe stops it, /itda forget deletes it', async () => {
    const store = new RoundNewsStore(chat.running.storage.database);
    expect(await chat.say('UFOUNDER', '/itda unsubscribe')).toContain('공고 알림과 마감 알림을 더 보내지 않습니다');
    expect(await store.subscription('UFOUNDER')).toBe('unsubscribed');
    await chat.press('UFOUNDER', 'forget_confirm');
    expect(await store.subscription('UFOUNDER')).toBeUndefined();
  });
});
