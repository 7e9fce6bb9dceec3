import { parseArgs } from 'node:util';
import type { ItdaConfig } from '../config/config.js';
import { runPlanCommand } from '../pre-application/run-plan-command.js';
import { UsageError } from './cli-error.js';

const USAGE = 'Usage: npm run --silent cli -- plan --answers <file.json> --format md|docx --out <file>';

/** `plan --answers FILE --format md|docx --out FILE` (fixed contract): exit 0 written, 2 invalid and nothing written. */
export async function planCommand(config: ItdaConfig, args: string[]): Promise<number> {
  let values: { answers?: string; format?: string; out?: string };
  try {
    ({ values } = parseArgs({ args, options: { answers: { type: 'string' }, format: { type: 'string', default: 'md' }, out: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError(`plan: ${(error as Error).message}. ${USAGE}`);
  }
  const missing = (['answers', 'out'] as const).filter((name) => !values[name]);
  if (missing.length > 0) throw new UsageError(`plan: missing ${missing.map((name) => `--${name}`).join(' and ')}. ${USAGE}`);
  const result = await runPlanCommand({
    answersPath: values.answers!,
    format: values.format as 'md' | 'docx',
    outPath: values.out!,
    knowledgeDir: config.knowledgeDir,
    now: config.now(),
  });
  for (const line of result.stdout) process.stdout.write(`${line}\n`);
  for (const line of result.stderr) process.stderr.write(`${line}\n`);
  return result.exitCode;
}
