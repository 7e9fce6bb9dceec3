import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadDataFile } from '../../src/data-files/load-data-file.js';
import { loadUtteranceExamples, UTTERANCE_INTENTS, UtteranceIntentModel } from '../../src/pre-application/utterance-intent.js';
import { KNOWLEDGE_DIR } from './transcript.js';

const CASES_FILE = fileURLToPath(new URL('../../eval/form-utterance-cases.yaml', import.meta.url));
const casesSchema = z.object({ version: z.literal(1), cases: z.array(z.object({ text: z.coerce.string(), intent: z.enum(UTTERANCE_INTENTS) })) });

/**
 * Honest figures for the intent model: "dev" is leave-one-out over the training examples
 * (what was tuned on), "test" the held-out cases written before tuning.
 */
describe('form-utterance intent model', () => {
  const examples = loadUtteranceExamples(KNOWLEDGE_DIR);

  it('dev (leave-one-out over knowledge/forms/form-utterances.yaml) stays at or above 75%', () => {
    const right = examples.filter((example, index) => {
      const model = new UtteranceIntentModel(examples.filter((_, other) => other !== index));
      return model.classify(example.text).intent === example.intent;
    }).length;
    const accuracy = right / examples.length;
    console.info(`form-utterance intent, dev leave-one-out: ${right}/${examples.length} = ${(accuracy * 100).toFixed(1)}%`);
    expect(accuracy).toBeGreaterThanOrEqual(0.75);
  });

  it('test (eval/form-utterance-cases.yaml, held out) stays at or above 80%', () => {
    const { cases } = loadDataFile(CASES_FILE, casesSchema, 'fix eval/form-utterance-cases.yaml');
    const model = new UtteranceIntentModel(examples);
    const wrong = cases.filter((entry) => model.classify(entry.text).intent !== entry.intent);
    const accuracy = (cases.length - wrong.length) / cases.length;
    console.info(`form-utterance intent, test: ${cases.length - wrong.length}/${cases.length} = ${(accuracy * 100).toFixed(1)}%; wrong: ${wrong.map((entry) => `${entry.text} (${entry.intent}→${model.classify(entry.text).intent})`).join(' | ')}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.8);
  });
});
