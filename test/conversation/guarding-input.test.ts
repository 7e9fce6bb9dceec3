import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTranscript, type Transcript } from './itda-in-process.js';

describe('what every message goes through first', () => {
  let chat: Transcript;
  beforeAll(async () => {
    chat = await startTranscript({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => chat.close());

  it('redacts patient identifiers before storing, and says so once', async () => {
    const reply = await chat.say('UPII', '환자 주민번호 900101-1234568, 연락처 010-1234-5678 인데 마감 언제예요?');
    expect(reply).toContain('저장하지 않았습니다');
    expect(reply.match(/저장하지 않았습니다/g)).toHaveLength(1);
    const stored = await chat.running.storage.database.all<{ text: string }>("SELECT text FROM conversation_turns WHERE user_id = 'UPII'");
    const everything = JSON.stringify(stored);
    expect(everything).not.toContain('900101');
    expect(everything).not.toContain('1234-5678');
    expect(everything).toContain('[주민등록번호]');
  });

  it('cuts a message over 4,000 characters and says so', async () => {
    const reply = await chat.say('ULONG', `지원금은 얼마인가요? ${'가'.repeat(5000)}`);
    expect(reply).toContain('4,000자만 읽었습니다');
  });

  it('answers an emoji-only or empty message with what Itda can do', async () => {
    expect(await chat.say('UEMOJI', '👍🎉')).toContain('무엇을 도와드릴까요?');
    expect(await chat.say('UEMOJI', '   ')).toContain('무엇을 도와드릴까요?');
  });

  it('asks a user who sends too fast to slow down, without affecting others', async () => {
    for (let index = 0; index < 5; index += 1) await chat.say('UFAST', '지원금은 얼마인가요?');
    expect(await chat.say('UFAST', '지원금은 얼마인가요?')).toContain('1분쯤 뒤에');
    expect(await chat.say('UCALM', '지원금은 얼마인가요?')).not.toContain('1분쯤 뒤에');
  });

  it('answers one conversation’s messages in the order they came', async () => {
    const answers = await Promise.all(['마감 언제야?', 'When is the deadline?', '지원금은 얼마야?'].map((text) => chat.replies('UORDER', text)));
    expect(answers.map((replies) => replies[0]!.text.slice(0, 12))).toHaveLength(3);
    const turns = await chat.running.storage.history.recent('test:UORDER', 10);
    expect(turns.filter((turn) => turn.role === 'user').map((turn) => turn.text)).toEqual(['마감 언제야?', 'When is the deadline?', '지원금은 얼마야?']);
  });
});

describe('forgetting a user', () => {
  it('asks to confirm, then deletes conversations, draft and feedback and writes an audit entry', async () => {
    const chat = await startTranscript();
    await chat.say('UBYE', '지원금은 얼마인가요?');
    expect(await chat.say('UBYE', 'forget')).toContain('This cannot be undone');
    const confirmation = await chat.say('UBYE', '/itda forget');
    // A slash command keeps the language the user last wrote in (they typed "forget").
    expect(confirmation).toContain('This cannot be undone');
    expect(confirmation).toContain('[1] Delete everything');
    const done = await chat.press('UBYE', 'forget_confirm', 'confirm');
    expect(done).toMatch(/Deleted: \d+ conversation turns/);
    expect(await chat.running.storage.history.recent('test:UBYE', 10)).toEqual([]);
    expect((await chat.running.storage.audit.recent(1))[0]).toMatchObject({ actorId: 'UBYE', action: 'forget' });
    await chat.close();
  });
});
