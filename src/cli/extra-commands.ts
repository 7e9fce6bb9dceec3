import type { ItdaConfig } from '../config/config.js';
import { importCatalogCommand } from './import-catalog-command.js';
import { forgetCommand } from './forget-command.js';
import { indexCommand } from './index-command.js';
import { ingestCommand } from './ingest-command.js';
import { matchCommand } from './match-command.js';
import { planCommand } from './plan-command.js';
import { reportCommand } from './report-command.js';
import { ticketsCommand } from './tickets-command.js';
import { answerCommand } from './answer-command.js';
import { redactCommand } from './redact-command.js';

type CommandRunner = (config: ItdaConfig, args: string[]) => Promise<number>;

/** The capability commands, each in its own file. */
export const extraCommands: Record<string, CommandRunner> = {
  match: matchCommand,
  plan: planCommand,
  index: indexCommand,
  forget: forgetCommand,
  'import-catalog': importCatalogCommand,
  report: reportCommand,
  tickets: ticketsCommand,
  answer: answerCommand,
  ingest: ingestCommand,
  redact: redactCommand,
};
