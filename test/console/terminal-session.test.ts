import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTerminalChat, writeExport } from '../../src/console/terminal-chat.js';
import { parseCommandLine } from '../../src/cli/cli-options.js';
import { CLI_HELP } from '../../src/cli/cli-help.js';
import { silentLogger } from '../../src/observability/logger.js';
import { startTranscript, type Transcript } from '../conversation/itda-in-process.js';

let transcript: Transcript;
beforeAll(async () => {
  transcript = await startTranscript();
}, 60_000);
afterAll(async () => transcript.close());

/** Types each line into the terminal chat as a person would, and returns everything shown. */
async function session(lines: string[], interactive: boolean, exportDir: string, userId = 'U-TERM'): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
  const done = runTerminalChat({ itda: transcript.running.itda, userId, input, output, interactive, exportDir, logger: silentLogger });
  for (const line of lines) {
    input.write(`${line}\n`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  input.end();
  await done;
  // Cursor moves readline sends to a TTY are not text a person reads.
  return shown.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
}

describe('the terminal a newcomer meets with npm start', () => {
  it('shows what the user types in a TTY (readline owns the output stream)', async () => {
    const shown = await session(['지원금은 얼마야?'], true, mkdtempSync(join(tmpdir(), 'itda-out-')));
    expect(shown).toContain('나> 지원금은 얼마야?');
    expect(shown).toContain('5천만');
  }, 30_000);

  it('shows masked names of the published projects as written (서**병원), not as bold markers', async () => {
    const shown = await session(['세**병원이랑 한 과제 뭐였어?'], false, mkdtempSync(join(tmpdir(), 'itda-out-')));
    expect(shown).toContain('세**병원');
    expect(shown).not.toMatch(/[가-힣]\*[가-힣]/);
  }, 30_000);

  it('shows the form\'s "why we ask" line without Slack\'s italic underscores', async () => {
    const shown = await session(['신청서 작성할래요'], false, mkdtempSync(join(tmpdir(), 'itda-out-')), 'U-TERM-ITALIC');
    expect(shown).toContain('왜 묻나요:');
    expect(shown).not.toContain('_왜 묻나요:_');
  }, 30_000);

  it('reads --user ID and --user=ID alike, and --help lists both', () => {
    expect(parseCommandLine(['chat', '--user', 'U999']).values.user).toBe('U999');
    expect(parseCommandLine(['chat', '--user=U999', '--staff']).values).toMatchObject({ user: 'U999', staff: true });
    expect(parseCommandLine(['ask', '--json', '지원금은?'])).toMatchObject({ values: { json: true }, positionals: ['지원금은?'] });
    expect(CLI_HELP).toContain('--user ID | --user=ID');
    expect(CLI_HELP).toContain('./out/');
  });

  it('a second export the same day is kept next to the first, never over it', () => {
    const directory = mkdtempSync(join(tmpdir(), 'itda-out-'));
    const first = writeExport(directory, 'itda-research-plan-2026-12-01.md', Buffer.from('one'));
    const second = writeExport(directory, 'itda-research-plan-2026-12-01.md', Buffer.from('two'));
    expect(first).toMatch(/itda-research-plan-2026-12-01\.md$/);
    expect(second).toMatch(/itda-research-plan-2026-12-01-2\.md$/);
    expect(readdirSync(directory).sort()).toEqual(['itda-research-plan-2026-12-01-2.md', 'itda-research-plan-2026-12-01.md']);
  });

  it('after pressing button 1, typing 2 presses button 2 of the same list', async () => {
    const exportDir = mkdtempSync(join(tmpdir(), 'itda-out-'));
    const shown = await session(['신청서 작성할래요', '주식회사 잇다헬스', '/itda plan', '1', '2'], false, exportDir, 'U-BUTTONS');
    expect(shown).toContain('[1] Markdown  [2] Word (.docx)');
    const files = readdirSync(exportDir);
    expect(files.some((name) => name.endsWith('.md'))).toBe(true);
    expect(files.some((name) => name.endsWith('.docx'))).toBe(true);
    expect(existsSync(join(exportDir, files[0]!))).toBe(true);
    expect(shown).not.toContain('(Q&A)');
  }, 30_000);
});
