import { readConfigFromProcess } from '../config/config.js';
import { DataFileError } from '../data-files/data-file-error.js';
import { UsageError } from './cli-error.js';
import { CLI_HELP } from './cli-help.js';
import { extraCommands } from './extra-commands.js';
import { parseCommandLine } from './cli-options.js';

/**
 * `npm run cli -- <command>`. Exit codes: 0 done, 2 bad input (the message names what is
 * wrong), 1 unexpected failure.
 */
async function main(argv: string[]): Promise<number> {
  const { command, rest, values, positionals } = parseCommandLine(argv);
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(CLI_HELP);
    return command ? 0 : 2;
  }
  if (values.help) {
    process.stdout.write(CLI_HELP);
    return 0;
  }
  const result = readConfigFromProcess();
  if (!result.ok) throw new UsageError(`configuration: ${result.problems.join('\n  ')}`);
  const config = result.config;
  switch (command) {
    // Each command loads its own modules: `ask` needs the knowledge index, not storage or the form.
    case 'chat': {
      const { startTerminalChat } = await import('../app/start-terminal.js');
      await startTerminalChat(config, { userId: values.user ?? 'terminal-user', staff: values.staff === true });
      return 0;
    }
    case 'ask': {
      const { askCommand } = await import('./ask-command.js');
      process.stdout.write(`${await askCommand(config, positionals, values.json === true)}\n`);
      return 0;
    }
    default: {
      const extra = extraCommands[command];
      if (!extra) throw new UsageError(`unknown command "${command}". Run: npm run cli -- --help`);
      return extra(config, rest);
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof DataFileError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
