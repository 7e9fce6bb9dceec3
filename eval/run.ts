/**
 * `npm run eval`: every evaluation Itda has, offline, with its thresholds. Exits 1 when a
 * threshold is missed, so the same numbers can gate a release. (CI asserts them in npm test.)
 */
import { scorePersonalDataDetector } from './personal-data-score.js';

interface Section {
  name: string;
  run: () => Promise<{ lines: string[]; passed: boolean }>;
}

const percent = (value: number) => value.toFixed(3);

const sections: Section[] = [
  {
    name: 'Question answering (eval/qa-questions.yaml)',
    run: async () => {
      const { scoreQuestionAnswering } = await import('./qa-score.js');
      const score = await scoreQuestionAnswering();
      return {
        lines: [
          `questions: ${score.total}`,
          `recall@5 of the expected source: ${percent(score.recallAt5)} (threshold 0.95)`,
          `answer-fact accuracy: ${percent(score.factAccuracy)} (threshold 0.90)`,
          `refusal/kind accuracy: ${percent(score.kindAccuracy)}`,
          ...score.failures.slice(0, 15).map((failure) => `  ✗ ${failure}`),
        ],
        passed: score.recallAt5 >= 0.95 && score.factAccuracy >= 0.9,
      };
    },
  },
  {
    name: 'Team matching (eval/match-cases.yaml)',
    run: async () => {
      const { scoreMatching } = await import('./match-score.js');
      const score = await scoreMatching();
      return {
        lines: [
          `cases: ${score.total}`,
          `top-1: ${percent(score.top1)}`,
          `top-3: ${percent(score.top3)} (threshold 0.95)`,
          `MRR: ${percent(score.mrr)}`,
          ...score.failures.slice(0, 15).map((failure) => `  ✗ ${failure}`),
        ],
        passed: score.top3 >= 0.95,
      };
    },
  },
  {
    name: 'Personal-data detector (eval/personal-data-corpus.yaml)',
    run: async () => {
      const score = scorePersonalDataDetector();
      return {
        lines: [
          `precision: ${percent(score.precision)}, recall: ${percent(score.recall)}`,
          `true positives ${score.truePositives}, false positives ${score.falsePositives}, false negatives ${score.falseNegatives}`,
          ...score.failures.slice(0, 15).map((failure) => `  ✗ ${failure}`),
        ],
        passed: score.precision >= 0.95 && score.recall >= 0.95,
      };
    },
  },
];

let allPassed = true;
for (const section of sections) {
  process.stdout.write(`\n## ${section.name}\n`);
  try {
    const { lines, passed } = await section.run();
    allPassed &&= passed;
    process.stdout.write(`${lines.join('\n')}\n${passed ? 'PASS' : 'FAIL'}\n`);
  } catch (error) {
    allPassed = false;
    process.stdout.write(`could not run: ${(error as Error).message}\nFAIL\n`);
  }
}
process.exit(allPassed ? 0 : 1);
