import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { type Catalog, type CatalogTeam } from './catalog-schema.js';
import { CATALOG_CSV_COLUMNS, parseCatalogCsvRow, REQUIRED_CSV_COLUMNS, type CatalogCsvColumn, type CatalogCsvRow } from './catalog-csv-row.js';
import { readCsv } from './read-csv.js';

export interface CatalogImportProblem {
  /** Physical line in the CSV file where the row starts (1 is the header). */
  line: number;
  message: string;
}

export interface CatalogImport {
  catalog: Catalog;
  problems: CatalogImportProblem[];
}

/**
 * Converts staff's spreadsheet export (one row per asset) to a catalog. Rows sharing a team_id
 * form one team; a bad row is reported by line and skipped, so one typo does not block the rest.
 */
export function importCatalogCsv(csvText: string, source: string): CatalogImport {
  const { records, problems: csvProblems } = readCsv(csvText);
  const problems: CatalogImportProblem[] = [...csvProblems];
  const empty = { catalog: { teams: [], files: [source] }, problems };
  const [header, ...rows] = records;
  if (!header) {
    problems.push({ line: 1, message: `the file is empty; the first line must name the columns: ${CATALOG_CSV_COLUMNS.join(',')}` });
    return empty;
  }
  const columnIndex = new Map(header.fields.map((name, index) => [name.trim().toLowerCase(), index]));
  const missing = REQUIRED_CSV_COLUMNS.filter((column) => !columnIndex.has(column));
  if (missing.length > 0) {
    problems.push({ line: header.line, message: `the header lacks column(s) ${missing.join(', ')}; expected ${CATALOG_CSV_COLUMNS.join(',')}` });
    return empty;
  }

  const teams = new Map<string, CatalogTeam>();
  for (const record of rows) {
    if (record.fields.length > header.fields.length) {
      problems.push({
        line: record.line,
        message: `${record.fields.length} fields but the header has ${header.fields.length}; put quotes around a value that contains a comma, e.g. "12,000"`,
      });
      continue;
    }
    const cells = Object.fromEntries(
      CATALOG_CSV_COLUMNS.map((column) => [column, (record.fields[columnIndex.get(column) ?? -1] ?? '').trim()]),
    ) as Record<CatalogCsvColumn, string>;
    const parsed = parseCatalogCsvRow(cells);
    if ('errors' in parsed) {
      problems.push({ line: record.line, message: parsed.errors.join('; ') });
      continue;
    }
    const conflict = addRow(teams, parsed.row);
    if (conflict) problems.push({ line: record.line, message: conflict });
  }
  problems.sort((a, b) => a.line - b.line);
  return { catalog: { teams: [...teams.values()], files: [source] }, problems };
}

/** Adds the row's asset to its team; returns why not when the row disagrees with the team's earlier rows. */
function addRow(teams: Map<string, CatalogTeam>, row: CatalogCsvRow): string | undefined {
  const team = teams.get(row.teamId);
  if (!team) {
    teams.set(row.teamId, {
      id: row.teamId,
      hospital: row.hospital,
      ...(row.consortium && { consortium: row.consortium }),
      department: row.department,
      ...(row.region && { region: row.region }),
      ...(row.expertise.length > 0 && { expertise: row.expertise }),
      ...(row.contact && { contact: row.contact }),
      assets: [row.asset],
    });
    return undefined;
  }
  if (team.hospital !== row.hospital) {
    return `team ${row.teamId} is at "${team.hospital}" in an earlier row but "${row.hospital}" here; one team id belongs to one hospital`;
  }
  // Later rows may fill team columns the first row left empty; they never overwrite them.
  if (team.consortium === undefined && row.consortium) team.consortium = row.consortium;
  if (team.region === undefined && row.region) team.region = row.region;
  if (team.contact === undefined && row.contact) team.contact = row.contact;
  const expertise = [...new Set([...(team.expertise ?? []), ...row.expertise])];
  if (expertise.length > 0) team.expertise = expertise;
  team.assets.push(row.asset);
  return undefined;
}

/** The catalog as a YAML file that `loadCatalog` reads back unchanged. */
export function catalogToYaml(catalog: Catalog): string {
  const header = `# Hospital-team catalog imported from ${catalog.files.join(', ')} by \`import-catalog\`.\n`;
  return header + stringify({ teams: catalog.teams }, { lineWidth: 0 });
}

/** The `import-catalog <file.csv> --out <file.yaml>` command's work; writes nothing when no row is valid. */
export function runImportCatalog(args: { csvPath: string; outPath: string }): { teams: number; assets: number; problems: CatalogImportProblem[] } {
  const { catalog, problems } = importCatalogCsv(readFileSync(args.csvPath, 'utf8'), args.csvPath);
  const assets = catalog.teams.reduce((sum, team) => sum + team.assets.length, 0);
  if (catalog.teams.length > 0) writeFileSync(args.outPath, catalogToYaml(catalog));
  return { teams: catalog.teams.length, assets, problems };
}
