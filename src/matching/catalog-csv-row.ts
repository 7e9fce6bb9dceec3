import { ASSET_TYPES, type AssetType, type CatalogAsset } from './catalog-schema.js';

/** The spreadsheet layout staff fill in: one row per data asset, team columns repeated. */
export const CATALOG_CSV_COLUMNS = [
  'team_id',
  'hospital',
  'consortium',
  'department',
  'region',
  'expertise',
  'contact',
  'asset_title',
  'type',
  'modalities',
  'diseases',
  'patients',
  'period',
  'cdm',
  'description',
] as const;

export type CatalogCsvColumn = (typeof CATALOG_CSV_COLUMNS)[number];

export const REQUIRED_CSV_COLUMNS: CatalogCsvColumn[] = ['team_id', 'hospital', 'department', 'asset_title', 'type', 'description'];

/** One valid row: the team columns as written, the asset ready for the catalog. */
export interface CatalogCsvRow {
  teamId: string;
  hospital: string;
  consortium?: string;
  department: string;
  region?: string;
  expertise: string[];
  contact?: string;
  asset: CatalogAsset;
}

const CDM_YES = new Set(['true', 'yes', 'y', '1', '예']);
const CDM_NO = new Set(['false', 'no', 'n', '0', '아니오', '아니요']);

/** Turns one row (column → text) into a catalog row, or says everything wrong with it. */
export function parseCatalogCsvRow(cells: Record<CatalogCsvColumn, string>): { row: CatalogCsvRow } | { errors: string[] } {
  const errors: string[] = [];
  for (const column of REQUIRED_CSV_COLUMNS) if (cells[column] === '') errors.push(`${column} is empty (required)`);

  // Spreadsheets drift to "Specialty DB" or "specialty-db"; all mean specialty_db.
  const type = cells.type.toLowerCase().replace(/[\s-]+/g, '_');
  if (cells.type !== '' && !(ASSET_TYPES as readonly string[]).includes(type)) {
    errors.push(`type "${cells.type}" is not one of ${ASSET_TYPES.join('|')}`);
  }
  // Spreadsheets write 12,000 or 12 000; anything else (≈, 약, ranges) is refused rather than guessed.
  const patientsText = cells.patients.replace(/[,\s]/g, '');
  if (patientsText !== '' && !/^\d+$/.test(patientsText)) errors.push(`patients "${cells.patients}" is not a whole number (e.g. 12000 or 12,000)`);
  const cdmText = cells.cdm.toLowerCase();
  if (cdmText !== '' && !CDM_YES.has(cdmText) && !CDM_NO.has(cdmText)) errors.push(`cdm "${cells.cdm}" is not one of true/false, yes/no, Y/N, 1/0, 예/아니오`);
  if (errors.length > 0) return { errors };

  const modalities = splitList(cells.modalities);
  const diseases = splitList(cells.diseases);
  // Keys in the catalog's documented order, so the written YAML reads like a hand-made file.
  const asset: CatalogAsset = {
    title: cells.asset_title,
    type: type as AssetType,
    ...(modalities.length > 0 && { modalities }),
    ...(diseases.length > 0 && { diseases }),
    ...(patientsText !== '' && { patients: Number(patientsText) }),
    ...(cells.period !== '' && { period: cells.period }),
    ...(cdmText !== '' && { cdm: CDM_YES.has(cdmText) }),
    description: cells.description,
  };
  return {
    row: {
      teamId: cells.team_id,
      hospital: cells.hospital,
      consortium: cells.consortium || undefined,
      department: cells.department,
      region: cells.region || undefined,
      expertise: splitList(cells.expertise),
      contact: cells.contact || undefined,
      asset,
    },
  };
}

function splitList(text: string): string[] {
  return text
    .split(/[;|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
