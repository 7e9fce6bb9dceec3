import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type ItdaConfig } from '../../src/config/config.js';
import { loadProgramFacts } from '../../src/program/program-facts.js';
import { createQuestionAnswering, type CreatedQuestionAnswering } from '../../src/question-answering/create-question-answering.js';
import { KnowledgeRetriever } from '../../src/question-answering/knowledge-retriever.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server.js';
import { KNOWLEDGE_DIR } from './knowledge-qa.js';

/**
 * The configured answer path, end to end against the fake OpenAI server: knowledge search through
 * the LangChain retriever, the prompts/ files as a chat prompt template, the model's JSON-mode reply
 * validated by zod, and the extractive answer when that reply is malformed.
 */
let openai: FakeOpenAi;
let created: CreatedQuestionAnswering;
let config: ItdaConfig;
const logLines: string[] = [];

beforeAll(async () => {
  openai = await startFakeOpenAi({ retryAfterMs: 1 });
  const parsed = parseConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url, OPENAI_MODEL: 'gpt-test', INDEX_DIR: mkdtempSync(join(tmpdir(), 'itda-langchain-')), KNOWLEDGE_DIR, LOG_LEVEL: 'warn' });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  config = parsed.config;
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString('utf8')), done()) });
  const facts = loadProgramFacts(KNOWLEDGE_DIR);
  created = await createQuestionAnswering(config, pino({ level: 'warn' }, sink), () => facts);
}, 60_000);
afterAll(async () => {
  created.knowledge.close();
  await openai.close();
});

const chats = () => openai.requests.filter((request) => request.path === '/v1/chat/completions');

describe('a question answered by the configured chat model through LangChain', () => {
  it('retrieves sections as Documents that carry their source, title and section', async () => {
    const documents = await new KnowledgeRetriever(created.knowledge.current.search, 3).invoke('지원금은 얼마인가요?');
    expect(documents).toHaveLength(3);
    for (const document of documents) {
      expect(document.pageContent.length).toBeGreaterThan(0);
      expect(document.metadata.source).toMatch(/^knowledge\/[a-z0-9-]+(\.en)?\.md$/);
      expect(document.metadata.title).not.toBe('');
      expect(document.metadata.section).toBe(document.metadata.heading);
    }
  });

  it('fills the prompt template, asks for JSON and answers with the sections the model cited', async () => {
    openai.setChatReply(JSON.stringify({ answerable: true, answer: '*최대 5천만 원*을 지원합니다.', citations: ['P1'] }));
    const answer = await created.questionAnswering.answer('지원금은 얼마인가요?', { language: 'ko' });
    expect(answer).toMatchObject({ answer: '*최대 5천만 원*을 지원합니다.', kind: 'answer', language: 'ko' });
    expect(answer.citations).toHaveLength(1);
    expect(answer.citations[0]).toMatchObject({ source: expect.stringMatching(/^knowledge\/[a-z-]+\.md$/), section: expect.any(String), title: expect.any(String) });

    const request = chats().at(-1)!.body;
    expect(request.model).toBe('gpt-test');
    expect(request).toMatchObject({ response_format: { type: 'json_object' }, temperature: 0, max_tokens: 800 });
    const [system, user] = request.messages as { role: string; content: string }[];
    expect(system).toMatchObject({ role: 'system', content: expect.stringContaining('Answer in Korean') });
    expect(user!.role).toBe('user');
    expect(user!.content).toMatch(/<passage id="P1" source="knowledge\/[a-z-]+\.md" section="[^"]+">/);
    expect(user!.content).toContain('Question: 지원금은 얼마인가요?');
    expect(`${system!.content}${user!.content}`).not.toContain('{{');
  });

  it('falls back to the quoted answer when the structured output is malformed, and logs why without the message', async () => {
    const before = logLines.length;
    openai.setChatReply(JSON.stringify({ answerable: 'yes', text: 'The grant is 비밀 1조 원.' }));
    const answer = await created.questionAnswering.answer('지원금은 얼마인가요?', { language: 'ko' });
    expect(answer.kind).toBe('answer');
    expect(answer.answer).toContain('5천만 원');
    expect(answer.answer).toContain('AI 답변을 받지 못해');
    expect(answer.answer).not.toContain('1조');
    expect(answer.citations.length).toBeGreaterThan(0);

    const logged = logLines.slice(before).join('');
    expect(logged).toContain('model reply is not the expected JSON');
    expect(logged).not.toContain('지원금은 얼마인가요');
    expect(logged).not.toContain('1조');
  });

  it('uses one chat client for the whole process: the model is built once per configuration', async () => {
    const { configuredChatModel } = await import('../../src/llm/chat-model.js');
    expect(configuredChatModel(config.openai)).toBe(configuredChatModel(config.openai));
    expect(configuredChatModel(undefined)).toBeUndefined();
  });
});
