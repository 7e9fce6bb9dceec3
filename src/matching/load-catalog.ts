import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from 'yaml';
import { DataFileError, type DataFileProblem } from '../data-files/data-file-error.js';
import { loadDataFile } from '../data-files/load-data-file.js';
import { catalogFileSchema, type Catalog, type CatalogTeam } from './catalog-schema.js';

export { ASSET_TYPES, type AssetType, type Catalog, type CatalogAsset, type CatalogTeam } from './catalog-schema.js';

const CATALOG_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

const FIX =
  'edit the hospital catalog: every team needs id, hospital, department and at least one asset with title, type and description ' +
  '(see knowledge/hospitals/README.md), or import a spreadsheet with `npm run cli -- import-catalog <file.csv> --out <file.yaml>`';

/**
 * Reads the hospital catalog: one file, or every YAML/JSON file in a folder merged (staff keep
 * one file per consortium). Each file is validated on its own, then team ids are checked across
 * files; problems name the file, the team id and the field.
 */
export function loadCatalog(path: string): Catalog {
  const files = catalogFiles(path);
  const teams: CatalogTeam[] = [];
  const firstFileOf = new Map<string, string>();
  for (const file of files) {
    const fileTeams = loadCatalogFile(file);
    const problems: DataFileProblem[] = [];
    fileTeams.forEach((team, index) => {
      const where = `teams.${index} (${team.id})`;
      const earlier = firstFileOf.get(team.id);
      if (earlier !== undefined) {
        problems.push({ path: `${where}.id`, message: `duplicate team id "${team.id}", already used in ${earlier === file ? 'this file' : earlier}` });
      } else {
        firstFileOf.set(team.id, file);
      }
      if (team.assets.length === 0) problems.push({ path: `${where}.assets`, message: 'a team needs at least one data asset' });
    });
    if (problems.length > 0) throw new DataFileError(file, problems, FIX);
    for (const team of fileTeams) teams.push(team);
  }
  return { teams, files };
}

function catalogFiles(path: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    throw new DataFileError(path, [{ path: '', message: `cannot read the catalog (${(error as Error).message})` }], FIX);
  }
  if (!isFolder) return [path];
  const files = readdirSync(path)
    .filter((name) => CATALOG_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('.'))
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) throw new DataFileError(path, [{ path: '', message: 'the folder holds no .yaml, .yml or .json catalog file' }], FIX);
  return files;
}

function loadCatalogFile(file: string): CatalogTeam[] {
  try {
    return loadDataFile(file, catalogFileSchema, FIX).teams;
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    throw new DataFileError(error.file, error.problems.map((problem) => withTeamId(problem, teamIdsIn(file))), error.fix);
  }
}

/** "teams.3.assets.0.type" → "teams.3 (snuh-neuro-imaging).assets.0.type": staff search by id, not by position. */
function withTeamId(problem: DataFileProblem, ids: (string | undefined)[]): DataFileProblem {
  const match = /^teams\.(\d+)(?=\.|$)/.exec(problem.path);
  const id = match ? ids[Number(match[1])] : undefined;
  if (!match || id === undefined) return problem;
  return { ...problem, path: `teams.${match[1]} (${id})${problem.path.slice(match[0].length)}` };
}

function teamIdsIn(file: string): (string | undefined)[] {
  try {
    const raw: unknown = parse(readFileSync(file, 'utf8'));
    const teams = (raw as { teams?: unknown } | null)?.teams;
    if (!Array.isArray(teams)) return [];
    return teams.map((team) => {
      const id = (team as { id?: unknown } | null)?.id;
      return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
    });
  } catch {
    return [];
  }
}
