import { replaceEmailAddresses } from '../privacy/index.js';
import { join } from 'node:path';
import { z } from 'zod';
import { loadDataFile } from '../data-files/load-data-file.js';

/**
 * Whether a message answers the form's question, asks something else, or corrects an
 * earlier answer, learned from the labelled examples in knowledge/forms/form-utterances.yaml
 * (multinomial naive Bayes over character n-grams, so Korean endings such as "나요?" and
 * "잘못 말했어요" and English cues such as "change … to" are learned, not listed).
 */
export const UTTERANCE_INTENTS = ['answer', 'question', 'correction'] as const;
export type UtteranceIntent = (typeof UTTERANCE_INTENTS)[number];

const examplesSchema = z.object({
  version: z.literal(1),
  examples: z.object({
    answer: z.array(z.coerce.string().min(1)).min(3),
    question: z.array(z.coerce.string().min(1)).min(3),
    correction: z.array(z.coerce.string().min(1)).min(3),
  }),
});

export type LabelledUtterance = { text: string; intent: UtteranceIntent };

export const FORM_UTTERANCES_FILE = join('forms', 'form-utterances.yaml');

export function loadUtteranceExamples(knowledgeDir: string): LabelledUtterance[] {
  const file = loadDataFile(join(knowledgeDir, FORM_UTTERANCES_FILE), examplesSchema,
    'edit knowledge/forms/form-utterances.yaml: three lists (answer, question, correction) of example messages');
  return UTTERANCE_INTENTS.flatMap((intent) => file.examples[intent].map((text) => ({ text, intent })));
}

/** Numbers and e-mail addresses say nothing about intent; their shape does. */
function normalise(text: string): string {
  return replaceEmailAddresses(text, '@').toLowerCase().replace(/\d+(?:[.,]\d+)*/g, '0').replace(/\s+/g, ' ').trim();
}

function features(text: string): string[] {
  const padded = ` ${normalise(text)} `;
  const characters = [...padded];
  const grams: string[] = [];
  for (let size = 1; size <= 3; size += 1) {
    for (let start = 0; start + size <= characters.length; start += 1) grams.push(characters.slice(start, start + size).join(''));
  }
  const words = normalise(text).split(/[\s,.;:!?]+/).filter(Boolean).map((word) => `w:${word}`);
  // The ending carries Korean sentence type ("…나요?", "…이에요"): counted twice.
  const ending = characters.slice(-4).join('');
  return [...grams, ...words, `end:${ending}`, `end:${ending}`];
}

export interface IntentGuess {
  intent: UtteranceIntent;
  /** Posterior probability of that intent, 0..1. */
  confidence: number;
}

export class UtteranceIntentModel {
  private readonly counts = new Map<UtteranceIntent, Map<string, number>>();
  private readonly totals = new Map<UtteranceIntent, number>();
  private readonly vocabulary = new Set<string>();

  constructor(examples: LabelledUtterance[], private readonly smoothing = 0.3) {
    for (const intent of UTTERANCE_INTENTS) {
      this.counts.set(intent, new Map());
      this.totals.set(intent, 0);
    }
    for (const { text, intent } of examples) {
      const table = this.counts.get(intent)!;
      for (const feature of features(text)) {
        table.set(feature, (table.get(feature) ?? 0) + 1);
        this.totals.set(intent, this.totals.get(intent)! + 1);
        this.vocabulary.add(feature);
      }
    }
  }

  classify(text: string): IntentGuess {
    const observed = features(text).filter((feature) => this.vocabulary.has(feature));
    const size = this.vocabulary.size;
    // Uniform priors: the answer list is longest only because answers vary most.
    const scores = UTTERANCE_INTENTS.map((intent) => {
      const table = this.counts.get(intent)!;
      const total = this.totals.get(intent)!;
      const logLikelihood = observed.reduce((sum, feature) => sum + Math.log(((table.get(feature) ?? 0) + this.smoothing) / (total + this.smoothing * size)), 0);
      return { intent, score: logLikelihood };
    });
    const best = Math.max(...scores.map((entry) => entry.score));
    const weights = scores.map((entry) => ({ intent: entry.intent, weight: Math.exp(entry.score - best) }));
    const sum = weights.reduce((total, entry) => total + entry.weight, 0);
    const top = weights.reduce((winner, entry) => (entry.weight > winner.weight ? entry : winner));
    return { intent: top.intent, confidence: top.weight / sum };
  }
}
