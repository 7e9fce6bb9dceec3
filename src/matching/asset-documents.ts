import type { RetrievableDocument } from '../retrieval/retrievable-document.js';
import type { AssetProfile } from './asset-profile.js';
import { DATA_TYPE_LABELS } from './need-vocabulary.js';

/**
 * One searchable text per asset: what it is (title, type in both languages, modalities,
 * diseases, description) and who holds it (hospital, department, the team's expertise), so a
 * need phrased around a specialty still finds the team's assets.
 */
export function assetDocuments(profiles: AssetProfile[]): RetrievableDocument[] {
  return profiles.map(({ id, team, asset, description }, position) => {
    const typeLabel = DATA_TYPE_LABELS[asset.type];
    return {
      id,
      text: [
        asset.title,
        typeLabel ? `${typeLabel.ko} ${typeLabel.en}` : asset.type,
        (asset.modalities ?? []).join(' '),
        (asset.diseases ?? []).join(' '),
        description,
        `${team.hospital} ${team.department}`,
        (team.expertise ?? []).join(' '),
      ]
        .filter((part) => part && part.trim() !== '')
        .join('\n'),
      // position: where the asset's profile sits, so filters find it without a lookup by id.
      metadata: { teamId: team.id, hospital: team.hospital, type: asset.type, position },
    };
  });
}

const CLAUSE_BREAK = /(?<=[.;。\n])|(?<=이며|이고|,)\s/;
const NEGATION = /포함하지 않|포함되지 않|미포함|(?:정보|데이터|자료)(?:는|은)? 없|not included|does not include|doesn't include|excludes|without /i;

/**
 * The description without the clauses that say what the asset lacks ("영상 원본은 포함하지
 * 않음", "항암치료 정보는 없음"): otherwise a need for imaging would be drawn to the very asset
 * that says it has none.
 */
export function withoutNegatedClauses(description: string): string {
  return description
    .split(CLAUSE_BREAK)
    .filter((clause) => !NEGATION.test(clause))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
