import { parseArgs } from 'node:util';
import type { ItdaConfig } from '../config/config.js';
import type { TeamMatch } from '../ports/capabilities.js';
import { detectLanguage } from '../messages/detect-language.js';
import { textIn } from '../messages/messages.js';
import { CatalogTeamMatching } from '../matching/catalog-team-matching.js';
import { ASSET_TYPES } from '../matching/load-catalog.js';
import type { RankOptions } from '../matching/team-ranker.js';
import { UsageError } from './cli-error.js';

const USAGE =
  'Usage: npm run --silent cli -- match --json [--catalog FILE] [--type T] [--region R] [--cdm] [--min-patients N] [--top K] "<need>"';

/**
 * `match [--json] …  "<need>"` (fixed contract): candidate hospital teams, best first. With
 * --json exactly one object {"matches": [...]} on stdout; bad flags exit 2 naming the flag.
 */
export async function matchCommand(config: ItdaConfig, args: string[]): Promise<number> {
  const { need, json, catalogPath, options } = parseMatchArguments(args, config.catalogPath);
  const matching = new CatalogTeamMatching({ catalogPath, knowledgeDir: config.knowledgeDir, indexDir: config.indexDir, openai: config.openai });
  const matches = await matching.rankTeams(need, options);
  process.stdout.write(`${json ? JSON.stringify({ matches }) : renderMatches(need, matches)}\n`);
  return 0;
}

export function parseMatchArguments(args: string[], defaultCatalog: string): { need: string; json: boolean; catalogPath: string; options: RankOptions } {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(args);
  } catch (error) {
    throw new UsageError(`match: ${(error as Error).message}. ${USAGE}`);
  }
  const { values, positionals } = parsed;
  const need = positionals.join(' ').trim();
  if (!need) throw new UsageError(`match: the need is missing, e.g. "뇌졸중 영상 분석". ${USAGE}`);
  if (values.type !== undefined && !(ASSET_TYPES as readonly string[]).includes(values.type)) {
    throw new UsageError(`match: --type "${values.type}" is not an asset type; use one of ${ASSET_TYPES.join(', ')}`);
  }
  const options: RankOptions = {
    type: values.type,
    region: values.region?.trim() || undefined,
    cdm: values.cdm === true ? true : undefined,
    minPatients: wholeNumber('--min-patients', values['min-patients'], 0),
    top: wholeNumber('--top', values.top, 1) ?? 5,
  };
  return { need, json: values.json === true, catalogPath: values.catalog ?? defaultCatalog, options };
}

function parseFlags(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      catalog: { type: 'string' },
      type: { type: 'string' },
      region: { type: 'string' },
      cdm: { type: 'boolean' },
      'min-patients': { type: 'string' },
      top: { type: 'string' },
    },
  });
}

function wholeNumber(flag: string, value: string | undefined, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value.replace(/,/g, ''));
  if (value.trim() === '' || !Number.isInteger(number) || number < minimum) {
    throw new UsageError(`match: ${flag} must be a whole number${minimum > 0 ? ` of at least ${minimum}` : ''} (got "${value}")`);
  }
  return number;
}

function renderMatches(need: string, matches: TeamMatch[]): string {
  const say = textIn(detectLanguage(need));
  if (matches.length === 0) return say('matching.cliNoMatch', { need });
  return matches
    .map((match, index) =>
      [
        `${index + 1}. ${match.hospital} — ${match.department} (${match.teamId}, score ${match.score.toFixed(2)})`,
        ...match.reasons.map((reason) => `   • ${reason}`),
        `   ${say('matching.cliAssets')}: ${match.assets.join('; ')}`,
      ].join('\n'),
    )
    .join('\n\n');
}
