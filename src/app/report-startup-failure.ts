import { DataFileError } from '../data-files/data-file-error.js';
import { SlackUnusable } from '../slack/bot-identity.js';
import { StorageNotWritable } from '../storage/open-storage.js';

/**
 * What the operator can fix is said in one line with the fix (exit 2): a broken data file, an
 * unwritable database, a token Slack rejects. Slack out of reach is not the operator's input
 * (exit 1, still one line); anything else is ours (exit 1, with the stack).
 */
export function reportStartupFailure(error: unknown): never {
  if (error instanceof DataFileError) cannotStart(`a data file needs fixing\n${error.message}`, 2);
  if (error instanceof StorageNotWritable) cannotStart(error.message, 2);
  if (error instanceof SlackUnusable) cannotStart(error.message, error.badInput ? 2 : 1);
  process.stderr.write(`Itda stopped on an unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
}

function cannotStart(message: string, exitCode: 1 | 2): never {
  process.stderr.write(`Itda cannot start: ${message}\n`);
  process.exit(exitCode);
}
