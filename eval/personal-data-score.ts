import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDataFile } from '../src/data-files/load-data-file.js';
import { detectPersonalData } from '../src/privacy/detect-personal-data.js';
import { PERSONAL_DATA_KINDS, type PersonalDataKind } from '../src/privacy/personal-data-kinds.js';

const kind = z.enum(PERSONAL_DATA_KINDS);
const corpusSchema = z.object({
  examples: z.array(z.object({ text: z.string().min(1), expect: z.array(kind) })).min(1),
});

export interface PersonalDataScore {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** One line per example whose detected kinds differ from the expected ones. */
  failures: string[];
}

const defaultCorpus = fileURLToPath(new URL('./personal-data-corpus.yaml', import.meta.url));

/**
 * Compares, per example, the kinds the detector finds with the kinds the corpus expects,
 * counted as multisets: two expected phone numbers and one found is one true positive and
 * one false negative, whatever the order.
 */
export function scorePersonalDataDetector(corpusPath: string = defaultCorpus): PersonalDataScore {
  const corpus = loadDataFile(corpusPath, corpusSchema, 'each example needs `text` and `expect: [kinds]`');
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const failures: string[] = [];
  for (const example of corpus.examples) {
    const found = detectPersonalData(example.text).map((finding) => finding.kind);
    const missing = subtract(example.expect, found);
    const extra = subtract(found, example.expect);
    truePositives += example.expect.length - missing.length;
    falseNegatives += missing.length;
    falsePositives += extra.length;
    if (missing.length > 0 || extra.length > 0) {
      const parts = [missing.length > 0 ? `missed ${missing.join(', ')}` : '', extra.length > 0 ? `wrongly found ${extra.join(', ')}` : ''];
      failures.push(`${parts.filter(Boolean).join('; ')}: "${example.text}"`);
    }
  }
  return {
    precision: truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives),
    recall: truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives),
    truePositives,
    falsePositives,
    falseNegatives,
    failures,
  };
}

/** The items of `from` left after removing one occurrence of each item of `remove`. */
function subtract(from: PersonalDataKind[], remove: PersonalDataKind[]): PersonalDataKind[] {
  const left = [...from];
  for (const item of remove) {
    const index = left.indexOf(item);
    if (index >= 0) left.splice(index, 1);
  }
  return left;
}
