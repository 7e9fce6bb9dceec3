import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHAT_REPLY, startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';

/** The fake is shared by other capabilities' tests, so its chat side is pinned down here too. */
describe('fake OpenAI server, chat completions', () => {
  let openai: FakeOpenAi;
  let client: OpenAI;
  beforeEach(async () => {
    openai = await startFakeOpenAi();
    client = new OpenAI({ apiKey: 'test', baseURL: openai.url, maxRetries: 1 });
  });
  afterEach(() => openai.close());

  it('answers with the default reply, then with whatever the test sets, and records the request', async () => {
    const first = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: '안녕하세요' }] });
    expect(first.choices[0]?.message.content).toBe(DEFAULT_CHAT_REPLY);
    openai.setChatReply((request) => JSON.stringify({ echo: request.messages.at(-1)?.content }));
    const second = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: '마감일?' }], response_format: { type: 'json_object' } });
    expect(JSON.parse(second.choices[0]!.message.content!)).toEqual({ echo: '마감일?' });
    expect(openai.requests[1]).toMatchObject({ path: '/v1/chat/completions', body: { response_format: { type: 'json_object' } } });
  });

  it('streams the reply as server-sent events when asked', async () => {
    openai.setChatReply('스트리밍 답변');
    const stream = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('스트리밍 답변');
  });

  it('refuses the next requests with the status asked for, then recovers', async () => {
    openai.failNext(500, 2);
    await expect(client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).rejects.toThrow(/500/);
    const reply = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(reply.choices[0]?.message.content).toBe(DEFAULT_CHAT_REPLY);
    expect(openai.requests).toHaveLength(3);
  });
});
