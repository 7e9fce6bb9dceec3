import type { Language } from '../messages/language.js';
import { loadCatalog, type Catalog } from '../matching/load-catalog.js';
import type { ResearchPlanAnswers } from './answers-schema.js';
import type { SuggestedTeam } from './plan-blocks.js';

type SuggestTeams = (answers: ResearchPlanAnswers, language: Language) => Promise<SuggestedTeam[]>;

/**
 * Adds each suggested team's consortium and data types from the catalog, so the applicant view
 * can speak of consortia and data rather than teams. The catalog is read once, on first use;
 * an unreadable catalog leaves the suggestions as they are.
 */
export function withConsortia(catalogSource: string | (() => Catalog), suggestTeams: SuggestTeams): SuggestTeams {
  let byTeam: Map<string, { consortium?: string; assetTypes: string[] }> | undefined;
  let from: Catalog | undefined;
  // A path is read once; the live catalog (a getter) is followed across reloads.
  const catalogNow = typeof catalogSource === 'string' ? () => (from ??= loadCatalog(catalogSource)) : catalogSource;
  return async (answers, language) => {
    const teams = await suggestTeams(answers, language);
    try {
      const catalog = catalogNow();
      if (catalog !== from || !byTeam) {
        from = catalog;
        byTeam = new Map(catalog.teams.map((team) => [team.id, { consortium: team.consortium, assetTypes: team.assets.map((asset) => asset.type) }]));
      }
    } catch {
      return teams;
    }
    return teams.map((team) => ({ ...team, ...byTeam!.get(team.teamId) }));
  };
}
