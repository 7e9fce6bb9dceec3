import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Glossary } from '../knowledge/glossary.js';
import { writeFileAtomically } from '../retrieval/atomic-file.js';
import { profileAssets, type AssetProfile, type SavedFacts } from './asset-profile.js';
import type { CatalogTeam } from './load-catalog.js';

/**
 * Asset profiles saved beside the catalog's search index, keyed by a hash of the teams, the
 * glossary and the current year (everything profileAssets reads), so a restart with an
 * unchanged catalog finds no glossary terms and cleans no description again (the cleaned
 * description is saved, not re-derived). Bump when profileAssets changes.
 */
const PROFILE_VERSION = 3;
const FILE = 'asset-profiles.json';

/** The derived part of a profile; the team and asset come from the catalog itself. */
interface SavedProfile {
  /** The description without its negated clauses; absent when that is the description itself (most assets), so the catalog's string is shared, not a second copy. */
  c?: string;
  d: number[];
  m: string[];
  p: 0 | 1;
  a: 0 | 1;
  f?: [number, number];
}

export async function loadOrProfileAssets(
  teams: CatalogTeam[],
  glossary: Glossary,
  currentYear: number,
  directory: string | undefined,
): Promise<{ profiles: AssetProfile[]; outcome: 'loaded' | 'built' }> {
  if (!directory) return { profiles: profileAssets(teams, glossary, currentYear), outcome: 'built' };
  // Team by team: one string of the whole catalog would be the reload's largest allocation.
  const hash = createHash('sha256').update(`profiles-v${PROFILE_VERSION}\n${currentYear}\n`).update(JSON.stringify(glossary));
  for (const team of teams) hash.update(JSON.stringify(team));
  const contentHash = hash.digest('base64url');
  const file = join(directory, FILE);
  const saved = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as { contentHash: string; profiles: SavedProfile[] },
    () => undefined,
  );
  const assetCount = teams.reduce((sum, team) => sum + team.assets.length, 0);
  if (saved?.contentHash === contentHash && saved.profiles.length === assetCount) {
    const assets = teams.flatMap((team) => team.assets);
    return { profiles: profileAssets(teams, glossary, currentYear, (position) => restore(saved.profiles[position]!, assets[position]!.description, glossary)), outcome: 'loaded' };
  }
  const profiles = profileAssets(teams, glossary, currentYear);
  const index = new Map(glossary.entries.map((entry, position) => [entry, position]));
  const toSave: SavedProfile[] = profiles.map((profile) => ({
    ...(profile.description !== profile.asset.description ? { c: profile.description } : {}),
    d: profile.diseaseEntries.map((entry) => index.get(entry)!),
    m: profile.modalities,
    p: profile.paediatric ? 1 : 0,
    a: profile.adultOnly ? 1 : 0,
    ...(profile.period ? { f: [profile.period.from, profile.period.to] as [number, number] } : {}),
  }));
  await writeFileAtomically(file, JSON.stringify({ contentHash, profiles: toSave }));
  return { profiles, outcome: 'built' };
}

function restore(saved: SavedProfile, description: string, glossary: Glossary): SavedFacts {
  return {
    description: saved.c ?? description,
    diseaseEntries: saved.d.map((position) => glossary.entries[position]!),
    modalities: saved.m,
    paediatric: saved.p === 1,
    adultOnly: saved.a === 1,
    period: saved.f ? { from: saved.f[0], to: saved.f[1] } : undefined,
  };
}
