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
