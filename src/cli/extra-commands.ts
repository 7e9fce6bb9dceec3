import type { ItdaConfig } from '../config/config.js';
import { UsageError } from './cli-error.js';
import { importCatalogCommand } from './import-catalog-command.js';
import { indexCommand } from './index-command.js';
import { matchCommand } from './match-command.js';
import { planCommand } from './plan-command.js';

type CommandRunner = (config: ItdaConfig, args: string[]) => Promise<number>;

const notYet = (name: string): CommandRunner => async () => {
  throw new UsageError(`${name}: not available in this version yet`);
};

/** The capability commands, each in its own file as it lands. */
export const extraCommands: Record<string, CommandRunner> = {
  match: matchCommand,
  plan: planCommand,
  index: indexCommand,
  'import-catalog': importCatalogCommand,
};
