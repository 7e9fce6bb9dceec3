import { z } from 'zod';

/** The asset types staff may use; the ranker and the `match --type` flag accept exactly these. */
export const ASSET_TYPES = [
  'emr',
  'imaging',
  'biosignal',
  'genomic',
  'pathology',
  'registry',
  'lifelog',
  'specialty_db',
  'cdm',
  'claims',
  'other',
] as const;

export type AssetType = (typeof ASSET_TYPES)[number];

const text = (what: string) => z.string({ error: `${what} is required (text)` }).trim().min(1, `${what} must not be empty`);
const textList = z.array(z.string().trim().min(1, 'list entries must not be empty'), { error: 'write a list, e.g. [CT, MRI]' });

// Extra keys are allowed everywhere: other checks feed their own catalogs with more fields.
export const catalogAssetSchema = z.looseObject({
  title: text('title'),
  type: z.enum(ASSET_TYPES, { error: `expected one of ${ASSET_TYPES.join('|')}` }),
  modalities: textList.optional(),
  diseases: textList.optional(),
  patients: z.number({ error: 'patients must be a whole number, e.g. 12000' }).int('patients must be a whole number').nonnegative().optional(),
  period: z.coerce.string().optional(),
  cdm: z.boolean({ error: 'cdm must be true or false' }).optional(),
  description: text('description'),
});

export const catalogTeamSchema = z.looseObject({
  id: text('id'),
  hospital: text('hospital'),
  consortium: z.string().trim().min(1).optional(),
  department: text('department'),
  region: z.string().trim().min(1).optional(),
  expertise: textList.optional(),
  contact: z.string().trim().min(1).optional(),
  assets: z.array(catalogAssetSchema, { error: 'assets must be a list of data assets' }),
});

export const catalogFileSchema = z.looseObject({
  teams: z.array(catalogTeamSchema, { error: 'the file needs a "teams:" list' }),
});

export type CatalogAsset = z.output<typeof catalogAssetSchema>;
export type CatalogTeam = z.output<typeof catalogTeamSchema>;
/** One catalog, possibly merged from several files (one per consortium). */
export interface Catalog {
  teams: CatalogTeam[];
  /** The files the teams came from, in load order. */
  files: string[];
}
