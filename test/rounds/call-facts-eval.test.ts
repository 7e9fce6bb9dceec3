import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { proposeRound } from '../../src/rounds/round-proposal.js';

const value = z.union([z.string(), z.number(), z.null()]);
const caseFile = z.object({
  cases: z.array(z.object({
    name: z.string(),
    lines: z.array(z.string()).min(1),
    expect: z.object({ id: value, opens: value, deadline: value, capKrw: value, slots: value, maxYearsSinceFounding: value }),
  })).min(1),
});

/** Field accuracy over a labelled set, and how often a field the text does not state was filled in anyway. */
function scoreCallFacts(file: string) {
  const { cases } = caseFile.parse(parse(readFileSync(file, 'utf8')));
  let fields = 0;
  let correct = 0;
  let guessed = 0;
  const wrong: string[] = [];
  for (const example of cases) {
    const proposal = proposeRound('eval', example.lines);
    const read: Record<string, unknown> = { ...proposal.round, maxYearsSinceFounding: proposal.eligibility.maxYearsSinceFounding };
    for (const [field, expected] of Object.entries(example.expect)) {
      fields += 1;
      if (String(read[field]) === String(expected)) correct += 1;
      else {
        wrong.push(`${example.name}: ${field} read ${String(read[field])}, expected ${String(expected)}`);
        if (expected === null) guessed += 1;
      }
    }
  }
  return { cases: cases.length, accuracy: correct / fields, guessed, wrong };
}

describe('reading round facts from call text (eval/call-facts-*.yaml)', () => {
  it('dev set: every field right', () => {
    const score = scoreCallFacts('eval/call-facts-dev.yaml');
    expect(score.wrong).toEqual([]);
  });

  it('held-out test set: field accuracy and no invented facts', () => {
    const score = scoreCallFacts('eval/call-facts-test.yaml');
    console.log(`call facts, held-out: ${score.cases} cases, field accuracy ${(score.accuracy * 100).toFixed(1)}%, invented ${score.guessed}\n  ${score.wrong.join('\n  ')}`);
    // Measured once on the untouched set (94.2%, 0 invented); a guard against regressions, not a target to tune to.
    expect(score.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.guessed).toBe(0);
  });
});
