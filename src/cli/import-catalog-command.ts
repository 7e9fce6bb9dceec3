import { parseArgs } from 'node:util';
import type { ItdaConfig } from '../config/config.js';
import { runImportCatalog } from '../matching/import-catalog-csv.js';
import { UsageError } from './cli-error.js';

const USAGE = 'Usage: npm run --silent cli -- import-catalog <file.csv> --out <file.yaml>';

/**
 * `import-catalog FILE.csv --out FILE.yaml`: converts staff's spreadsheet export (one row per
 * asset) to the catalog format. Bad rows are listed by line and skipped; exit 2 when no row
 * could be imported (and then nothing is written).
 */
export async function importCatalogCommand(_config: ItdaConfig, args: string[]): Promise<number> {
  let values: { out?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError(`import-catalog: ${(error as Error).message}. ${USAGE}`);
  }
  const [csvPath, ...extra] = positionals;
  if (!csvPath) throw new UsageError(`import-catalog: the CSV file is missing. ${USAGE}`);
  if (extra.length > 0) throw new UsageError(`import-catalog: one CSV file at a time (also got ${extra.join(', ')}). ${USAGE}`);
  if (!values.out) throw new UsageError(`import-catalog: --out <file.yaml> is missing. ${USAGE}`);

  const result = importOrExplain(csvPath, values.out);
  for (const problem of result.problems) process.stderr.write(`line ${problem.line}: ${problem.message}\n`);
  if (result.teams === 0) {
    process.stderr.write(`import-catalog: no valid rows in ${csvPath}; nothing written to ${values.out}\n`);
    return 2;
  }
  process.stdout.write(
    `Imported ${result.teams} team(s) with ${result.assets} asset(s) into ${values.out}` +
      `${result.problems.length > 0 ? `; skipped ${result.problems.length} bad row(s), listed above` : ''}\n`,
  );
  return 0;
}

/** A missing CSV or an unwritable output folder is bad input (exit 2), not a crash. */
function importOrExplain(csvPath: string, outPath: string): ReturnType<typeof runImportCatalog> {
  try {
    return runImportCatalog({ csvPath, outPath });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code || !['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EPERM'].includes(code)) throw error;
    const path = (error as NodeJS.ErrnoException).path ?? csvPath;
    throw new UsageError(`import-catalog: cannot ${path === csvPath ? 'read' : 'write'} ${path} (${code}). ${USAGE}`);
  }
}
