import { DataFileError } from '../data-files/data-file-error.js';
import type { TeamMatching } from '../ports/capabilities.js';
import type { Language } from '../messages/language.js';
import type { Reply } from '../ports/reply.js';
import { textIn } from '../messages/messages.js';

const PAGE = 5;
const LIMIT = 20;

/** Staff-facing list of candidate teams, five at a time, each with its reasons and assets. */
export async function matchReplies(matching: TeamMatching, need: string, offset: number, language: Language): Promise<Reply[]> {
  let matches: Awaited<ReturnType<TeamMatching['rankTeams']>>;
  try {
    matches = await matching.rankTeams(need, { top: LIMIT });
  } catch (error) {
    // A catalog with no good copy (broken since the start): staff see which file to fix, not an error.
    if (!(error instanceof DataFileError)) throw error;
    return [{ staffOnly: true, text: `${textIn(language)('conversation.catalogUnavailable')}\n${error.message}` }];
  }
  const page = matches.slice(offset, offset + PAGE);
  const t = textIn(language);
  if (page.length === 0) {
    return [{ staffOnly: true, text: t('conversation.noTeamMatched', { need }) }];
  }
  const heading = t('conversation.matchHeading', { need, first: offset + 1, last: offset + page.length });
  const body = page.map((match, index) => {
    const reasons = match.reasons.map((reason) => `    • ${reason}`).join('\n');
    const assets = match.assets.length > 0 ? `\n    ${t('conversation.matchAssets')}: ${match.assets.join('; ')}` : '';
    return `*${offset + index + 1}. ${match.hospital} — ${match.department}* (\`${match.teamId}\`, score ${match.score.toFixed(2)})\n${reasons}${assets}`;
  });
  const hasMore = matches.length > offset + PAGE;
  return [{
    staffOnly: true,
    text: [heading, ...body].join('\n\n'),
    buttons: hasMore
      ? [{ actionId: 'match_more', label: t('conversation.matchShowMore'),
 value: JSON.stringify({ need, offset: offset + PAGE }) }]
      : undefined,
  }];
}
