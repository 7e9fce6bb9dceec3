import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-error.js';
import { redactJsonLines } from '../../src/cli/redact-command.js';

const folder = mkdtempSync(join(tmpdir(), 'itda-redact-cli-'));
const environment = { ...process.env, INDEX_DIR: join(folder, 'index'), OPENAI_API_KEY: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', LOG_LEVEL: 'silent' };

function cli(stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile('npm', ['run', '--silent', 'cli', '--', 'redact', '--jsonl'], { env: environment, cwd: process.cwd() }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

describe('redact --jsonl', () => {
  it('turns each {"text"} line into {"text": redacted, "kinds"}, in order, skipping blank lines', () => {
    const input = ['{"text": "주민번호 960121 1021413, 연락처 +82(10)2000-0000"}', '', '{"text": "마감 2025-04-28, 지원금 200,000,000원"}'].join('\n');
    expect(redactJsonLines(input)).toEqual([
      { text: '주민번호 [주민등록번호], 연락처 [전화번호]', kinds: ['resident_registration_number', 'phone_number'] },
      { text: '마감 2025-04-28, 지원금 200,000,000원', kinds: [] },
    ]);
  });

  it('names every bad line and prints nothing', () => {
    const input = '{"text": "ok"}\n{"text": \n["a list"]\n{"message": "no text"}\n';
    expect(() => redactJsonLines(input)).toThrow(UsageError);
    expect(() => redactJsonLines(input)).toThrow(/line 2: not valid JSON[\s\S]*line 3: not a JSON object[\s\S]*line 4: "text" is missing/);
  });

  it('keeps the contract on the real command line: exit 0 with JSON lines, exit 2 naming a bad line', async () => {
    const good = await cli('{"text": "메일 홍길동@병원.한국 으로"}\n');
    expect(good.code).toBe(0);
    expect(good.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual([{ text: '메일 [이메일] 으로', kinds: ['email'] }]);
    const bad = await cli('{"text": "ok"}\nnot json\n');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('line 2');
  }, 60_000);
});
