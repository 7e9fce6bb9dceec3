import { parseArgs } from 'node:util';

export interface CommandLine {
  command?: string;
  /** Everything after the command, untouched, for commands that parse their own flags. */
  rest: string[];
  values: { user?: string; staff?: boolean; json?: boolean; help?: boolean };
  positionals: string[];
}

/**
 * The flags every command shares. They are declared so "--user U999" means the same as
 * "--user=U999"; undeclared, parseArgs read "--user" as a switch and "U999" as a positional,
 * and every terminal session shared one draft.
 */
export function parseCommandLine(argv: string[]): CommandLine {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: false,
    options: { user: { type: 'string' }, staff: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  return {
    command,
    rest,
    values: {
      ...(typeof values.user === 'string' ? { user: values.user } : {}),
      staff: values.staff === true,
      json: values.json === true,
      help: values.help === true,
    },
    positionals,
  };
}
