import { parseArgs } from 'node:util';
import type { ItdaConfig } from '../config/config.js';
import { redactPersonalData, type PersonalDataKind } from '../privacy/index.js';
import { UsageError } from './cli-error.js';

const USAGE = 'Usage: npm run --silent cli -- redact --jsonl < messages.jsonl   (one {"text": "…"} per line)';

export interface RedactedLine {
  text: string;
  kinds: PersonalDataKind[];
}

/**
 * `redact --jsonl` (fixed contract): reads one {"text": …} per line on stdin and prints one
 * {"text": <redacted>, "kinds": [...]} per line, in the same order. Every line is checked
 * before anything is printed, so a bad line (exit 2, named by its number) never leaves a
 * half-written output file behind.
 */
export async function redactCommand(_config: ItdaConfig, args: string[]): Promise<number> {
  const { values, positionals } = parseFlags(args);
  if (values.jsonl !== true) {
    if (positionals.length === 0) throw new UsageError(`redact: give --jsonl and the lines on stdin. ${USAGE}`);
    process.stdout.write(`${redactPersonalData(positionals.join(' ')).text}\n`);
    return 0;
  }
  const output = redactJsonLines(await readStandardInput());
  process.stdout.write(output.map((line) => `${JSON.stringify(line)}\n`).join(''));
  return 0;
}

/** Redacts each non-blank line; throws a UsageError naming every bad line (up to ten). */
export function redactJsonLines(input: string): RedactedLine[] {
  const lines = input.split(/\r?\n/);
  const problems: string[] = [];
  const output: RedactedLine[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const text = textOf(line);
    if (typeof text === 'string') {
      const { text: redacted, kinds } = redactPersonalData(text);
      output.push({ text: redacted, kinds });
      return;
    }
    problems.push(`line ${index + 1}: ${text.problem}`);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('\n  ');
    const more = problems.length > 10 ? `\n  … and ${problems.length - 10} more` : '';
    throw new UsageError(`redact: ${problems.length} bad input line(s), nothing was printed:\n  ${shown}${more}\nEach line must be a JSON object like {"text": "…"}.`);
  }
  return output;
}

function textOf(line: string): string | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return { problem: `not valid JSON (${(error as Error).message})` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { problem: 'not a JSON object' };
  const text = (parsed as { text?: unknown }).text;
  if (typeof text !== 'string') return { problem: '"text" is missing or not a string' };
  return text;
}

function parseFlags(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { jsonl: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError(`redact: ${(error as Error).message}. ${USAGE}`);
  }
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
