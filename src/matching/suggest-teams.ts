import type { TeamMatching } from '../ports/capabilities.js';
import type { Language } from '../messages/language.js';
import type { RankOptions } from './team-ranker.js';

export interface SuggestedTeam {
  teamId: string;
  hospital: string;
  department: string;
  reasons: string[];
}

/**
 * The applicant's top three candidate teams for their draft (shown as to be confirmed by the
 * program office), with reasons in the applicant's language rather than the need's.
 */
export async function suggestTeamsForNeed(matching: TeamMatching, need: string, language: Language): Promise<SuggestedTeam[]> {
  if (need.trim() === '') return [];
  const options: RankOptions = { top: 3, language };
  const matches = await matching.rankTeams(need, options);
  return matches.map(({ teamId, hospital, department, reasons }) => ({ teamId, hospital, department, reasons }));
}
