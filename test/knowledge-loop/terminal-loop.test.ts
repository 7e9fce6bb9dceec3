import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../src/cli/answer-command.js';
import { ticketsCommand } from '../../src/cli/tickets-command.js';
import { parseConfig, type ItdaConfig } from '../../src/config/config.js';
import { staffAnswerReplies } from '../../src/knowledge-loop/staff-answer-reply.js';
import { startTranscript, type Transcript } from '../conversation/itda-in-process.js';

const run = promisify(execFile);

async function printed(command: () => Promise<number>): Promise<{ code: number; output: string }> {
  let output = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => ((output += chunk), true)) as typeof process.stdout.write;
  try {
    return { code: await command(), output };
  } finally {
    process.stdout.write = write;
  }
}

/** The same loop in the terminal: a founder's unanswered question, `tickets`, `answer`, forget and retention. */
describe('the knowledge loop in the terminal and the CLI', () => {
  let chat: Transcript;
  let config: ItdaConfig;
  let environment: Record<string, string>;

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'itda-loop-terminal-'));
    cpSync('knowledge', join(folder, 'knowledge'), { recursive: true });
    environment = { DATABASE_PATH: join(folder, 'itda.db'), KNOWLEDGE_DIR: join(folder, 'knowledge'), CATALOG_PATH: join(folder, 'knowledge', 'hospitals'), INDEX_DIR: join(folder, 'index'), ITDA_NOW: '2026-11-28', LOG_LEVEL: 'silent', STAFF_USER_IDS: 'USTAFF' };
    chat = await startTranscript(environment, environment.DATABASE_PATH);
    const parsed = parseConfig(environment);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    config = parsed.config;
  }, 60_000);
  afterAll(() => chat.close());

  it('tells an English-speaking founder their question went to the program office', async () => {
    const reply = await chat.say('UENGLISH1', 'Is VAT included in the grant?');
    expect(reply).toContain('The program documents do not say');
    expect(reply).toContain("I've passed this question to the program office (ticket #1)");
  });

  it('lists the open ticket with `tickets`', async () => {
    const { code, output } = await printed(() => ticketsCommand(config, []));
    expect(code).toBe(0);
    expect(output).toContain('#1 [open] Is VAT included in the grant?');
    expect(output).toContain('1 asked · no_source · en');
  });

  it('answers it with `answer 1`: stored, and without Slack it prints what the founder gets, saying the answer is in Korean', async () => {
    const { code, output } = await printed(() => answerCommand(config, ['1', '--text', '지원금은 부가세 포함 금액입니다.', '--language', 'ko', '--name', '김담당']));
    expect(code).toBe(0);
    expect(output).toContain('#1 [answered]');
    expect(output).toContain('*Program office answer · 김담당 · 2026-11-28*');
    expect(output).toContain('The program office answered in Korean.');
    await expect(answerCommand(config, ['1', '--text', 'again'])).rejects.toThrow('ticket #1 is already answered');
    await expect(answerCommand(config, ['x'])).rejects.toThrow('give the ticket number first');
  });

  it('merges a ticket that asks the same as another with `answer 3 --duplicate-of 2`', async () => {
    expect(await chat.say('UDUP1', '지원금에 부가세(VAT)가 포함되나요?')).toContain('(문의 #2)');
    expect(await chat.say('UDUP2', 'Does the grant include VAT?')).toContain('(ticket #3)');
    const { output } = await printed(() => answerCommand(config, ['3', '--duplicate-of', '2']));
    expect(output).toContain('#3 is a duplicate of #2');
    const merged = await chat.running.storage.tickets.find(2);
    expect(merged?.askers.map((asker) => [asker.userId, asker.language])).toEqual([['UDUP1', 'ko'], ['UDUP2', 'en']]);
    expect((await chat.running.storage.tickets.find(3))?.state).toBe('duplicate');
    await expect(answerCommand(config, ['3', '--duplicate-of', '2'])).rejects.toThrow('ticket #3 is already duplicate');
  });

  it('gives each asker the language staff wrote for them, or a marked machine translation', async () => {
    const answer = { text: { ko: '부가세 포함입니다.', en: 'VAT is included.' }, language: 'ko' as const, staffId: 'U1', staffName: '김담당', answeredAt: '2026-11-28' };
    expect((await staffAnswerReplies(answer, 'en')).text).toBe('*Program office answer · 김담당 · 2026-11-28*\nVAT is included.');
    const translator = { translate: async (text: string) => `(en) ${text}` };
    const translated = await staffAnswerReplies({ ...answer, text: { ko: '부가세 포함입니다.' } }, 'en', translator);
    expect(translated.text).toContain('(en) 부가세 포함입니다.');
    expect(translated.notes).toEqual(['_Machine-translated from the program office’s Korean answer._']);
  });

  it('deletes the founder from every ticket when they forget, and retention removes old tickets', async () => {
    expect(await chat.say('UFORGET1', '지원금에 부가세(VAT)가 포함되나요?')).toContain('(문의 #2)');
    const tickets = chat.running.storage.tickets;
    const before = await tickets.list(['open', 'answered']);
    expect(before.flatMap((ticket) => ticket.askers.map((asker) => asker.userId))).toContain('UFORGET1');
    await chat.press('UFORGET1', 'forget_confirm', 'confirm');
    const after = await tickets.list(['open', 'answered']);
    expect(after.flatMap((ticket) => ticket.askers.map((asker) => asker.userId))).not.toContain('UFORGET1');
    expect(await chat.running.storage.answerContexts.deleteForUser('UFORGET1')).toBe(0);
    expect(await tickets.deleteOlderThan(new Date('2027-12-01'))).toBeGreaterThan(0);
    expect(await tickets.list(['open', 'answered', 'resolved', 'duplicate'])).toEqual([]);
  });

  it('prints the report contract with `npm run --silent cli -- report --json`', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', 'report', '--json'], { env: { ...process.env, ...environment, OPENAI_API_KEY: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '' } });
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['questions', 'answered', 'noSource', 'negativeFeedback', 'openTickets', 'topUnanswered', 'drafts']);
    expect(report).toMatchObject({ questions: 3, noSource: 3, openTickets: 0, drafts: { inProgress: 0, submitted: 0 } });
  }, 60_000);
});
