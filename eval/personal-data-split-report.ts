import { scorePersonalDataSplit, type CorpusPart } from './personal-data-split-score.js';

const figure = (value: number) => value.toFixed(3);

/**
 * The lines `npm run eval` prints for one part of the outside-style corpus: totals, then
 * precision and recall by kind, then look-alikes changed by what they are. Passes at
 * recall ≥ 0.97, at most 3% of look-alikes changed and no fragments (issue 11).
 */
export function personalDataSplitReport(part: CorpusPart): { lines: string[]; passed: boolean } {
  const score = scorePersonalDataSplit(part);
  const lines = [
    `${part}: precision ${figure(score.precision)}, recall ${figure(score.recall)} (threshold 0.97), look-alikes changed ${(score.lookalikesChanged * 100).toFixed(1)}% of ${score.lookalikes} (threshold 3%), fragments ${score.fragments}`,
    ...Object.entries(score.byKind).map(
      ([kind, entry]) => `  ${kind}: recall ${figure(entry.recall)} (${entry.removed}/${entry.expected}), precision ${figure(entry.precision)} (${entry.falsePositives} wrongly found)`,
    ),
    `  look-alikes changed: ${Object.entries(score.byLookalike).map(([name, bucket]) => `${name} ${bucket.changed}/${bucket.sentences}`).join(', ')}`,
    ...score.failures.slice(0, 15).map((failure) => `  ✗ ${failure}`),
  ];
  return { lines, passed: score.recall >= 0.97 && score.lookalikesChanged <= 0.03 && score.fragments === 0 };
}
