import { DataFileError } from '../data-files/data-file-error.js';
import { SlackUnusable } from '../slack/bot-identity.js';
import { StorageNotWritable } from '../storage/open-storage.js';

/** A broken data file is the user's to fix (exit 2, the file's own message); anything else is ours (exit 1). */
export function reportStartupFailure(error: unknown): never {
  if (error instanceof DataFileError) {
    process.stderr.write(`Itda cannot start: a data file needs fixing\n${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof StorageNotWritable) {
    process.stderr.write(`Itda cannot start: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof SlackUnusable) {
    process.stderr.write(`Itda cannot start: ${error.message}\n`);
    process.exit(error.badInput ? 2 : 1);
  }
  process.stderr.write(`Itda stopped on an unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
}
