import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDataFile } from '../src/data-files/load-data-file.js';
import { loadGlossary } from '../src/knowledge/glossary.js';
import { ASSET_TYPES, loadCatalog } from '../src/matching/load-catalog.js';
import { TeamRanker } from '../src/matching/team-ranker.js';
import { LocalHashingEmbeddings } from '../src/retrieval/local-hashing-embeddings.js';
import type { NamedEmbeddings } from '../src/retrieval/named-embeddings.js';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const casesSchema = z.object({
  cases: z
    .array(
      z.object({
        id: z.string().min(1),
        need: z.string().min(1),
        filters: z
          .object({
            type: z.enum(ASSET_TYPES).optional(),
            region: z.string().optional(),
            cdm: z.boolean().optional(),
            minPatients: z.number().int().nonnegative().optional(),
          })
          .optional(),
        expect: z.array(z.string().min(1)).min(1, 'name at least one acceptable team id'),
      }),
    )
    .min(1),
});

export interface MatchScore {
  top1: number;
  top3: number;
  mrr: number;
  total: number;
  failures: string[];
}

export interface MatchScoreOptions {
  casesPath?: string;
  catalogPath?: string;
  embeddings?: NamedEmbeddings;
  /** Keeps vectors between runs; a fresh temporary folder by default. */
  cacheDir?: string;
}

/** How often an acceptable team is first, in the top three, and the mean reciprocal rank (top 10). */
const DEPTH = 10;

/**
 * Scores the ranker on eval/match-cases.yaml against the shipped catalog, filters applied as
 * staff would give them (`cdm: false` means no CDM requirement, like leaving out --cdm).
 */
export async function scoreMatching(options: MatchScoreOptions = {}): Promise<MatchScore> {
  const { cases } = loadDataFile(options.casesPath ?? root('eval/match-cases.yaml'), casesSchema, 'each case needs id, need and expect: [team ids]');
  const cacheDir = options.cacheDir ?? (await mkdtemp(join(tmpdir(), 'itda-match-eval-')));
  try {
    const ranker = await TeamRanker.build(loadCatalog(options.catalogPath ?? root('knowledge/hospitals')), {
      embeddings: options.embeddings ?? new LocalHashingEmbeddings(),
      glossary: loadGlossary(root('knowledge/glossary.yaml')),
      cacheDir,
    });
    let top1 = 0;
    let top3 = 0;
    let reciprocal = 0;
    const failures: string[] = [];
    for (const testCase of cases) {
      const filters = testCase.filters ?? {};
      const matches = await ranker.rankTeams(testCase.need, { ...filters, cdm: filters.cdm === true ? true : undefined, top: DEPTH });
      const ids = matches.map((match) => match.teamId);
      const rank = ids.findIndex((id) => testCase.expect.includes(id)) + 1;
      if (rank === 1) top1 += 1;
      if (rank >= 1 && rank <= 3) top3 += 1;
      if (rank >= 1) reciprocal += 1 / rank;
      if (rank !== 1) {
        failures.push(`${testCase.id} (${rank === 0 ? `not in top ${DEPTH}` : `rank ${rank}`}): "${testCase.need}" expected ${testCase.expect.join(' or ')}, got ${ids.slice(0, 3).join(', ')}`);
      }
    }
    const total = cases.length;
    return { top1: top1 / total, top3: top3 / total, mrr: reciprocal / total, total, failures };
  } finally {
    if (!options.cacheDir) await rm(cacheDir, { recursive: true, force: true });
  }
}
