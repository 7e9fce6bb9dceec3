/**
 * Scores question answering on eval/qa-questions.yaml, offline (local embeddings, no model):
 * recall@5 of the expected source file, answer-fact accuracy and refusal/kind accuracy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadDataFile } from '../src/data-files/load-data-file.js';
import { silentLogger } from '../src/observability/logger.js';
import { loadProgramFacts } from '../src/program/program-facts.js';
import { KnowledgeQuestionAnswering } from '../src/question-answering/knowledge-question-answering.js';
import { LiveKnowledgeIndex } from '../src/question-answering/live-knowledge-index.js';
import { LocalHashingEmbeddings } from '../src/retrieval/local-hashing-embeddings.js';

const questionSchema = z.object({
  id: z.string(),
  question: z.string(),
  language: z.enum(['ko', 'en']),
  now: z.union([z.string(), z.date()]).optional(),
  expect: z.object({
    sources: z.array(z.string()).optional(),
    facts: z.array(z.array(z.string()).min(1)).optional(),
    outOfScope: z.boolean().optional(),
    kind: z.string().optional(),
  }),
});
const questionSetSchema = z.object({ questions: z.array(questionSchema).min(1) });
export type EvalQuestion = z.output<typeof questionSchema>;

export interface QuestionAnsweringScore {
  recallAt5: number;
  factAccuracy: number;
  kindAccuracy: number;
  total: number;
  failures: string[];
}

export interface ScoreOptions {
  knowledgeDir?: string;
  questionsFile?: string;
  /** Where the index is cached; a fresh temporary folder by default. */
  cacheDir?: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function loadEvalQuestions(file = join(ROOT, 'eval/qa-questions.yaml')): EvalQuestion[] {
  return loadDataFile(file, questionSetSchema, 'each question needs id, question, language (ko|en) and expect {sources?, facts?, outOfScope?, kind?}').questions;
}

/** "2025-04-20" pins noon in Seoul, as ITDA_NOW does. */
export function pinnedNow(value: string | Date): Date {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return new Date(Date.parse(text.length === 10 ? `${text}T12:00:00+09:00` : text));
}

const sameTopic = (source: string) => source.replace(/\.en\.md$/, '.md');

export async function scoreQuestionAnswering(options: ScoreOptions = {}): Promise<QuestionAnsweringScore> {
  const knowledgeDir = options.knowledgeDir ?? join(ROOT, 'knowledge');
  const questions = loadEvalQuestions(options.questionsFile);
  const cacheDir = options.cacheDir ?? mkdtempSync(join(tmpdir(), 'itda-qa-eval-'));
  const facts = loadProgramFacts(knowledgeDir);
  let now = pinnedNow(facts.as_of);
  const knowledge = await LiveKnowledgeIndex.open({ knowledgeDir, embeddings: new LocalHashingEmbeddings(), cacheDir, logger: silentLogger });
  const qa = new KnowledgeQuestionAnswering({ knowledge, programFacts: () => facts, now: () => now, logger: silentLogger });
  const failures: string[] = [];
  const tally = { recall: [0, 0], facts: [0, 0], kind: [0, 0] };
  try {
    for (const item of questions) {
      now = item.now ? pinnedNow(item.now) : pinnedNow(facts.as_of);
      const { expect: expected } = item;
      if (expected.sources) {
        const files = (await qa.retrieve(item.question, { language: item.language, k: 5 })).map((hit) => sameTopic(hit.metadata.source));
        const found = expected.sources.some((source) => files.includes(sameTopic(source)));
        tally.recall[1]! += 1;
        if (found) tally.recall[0]! += 1;
        else failures.push(`${item.id}: expected ${expected.sources.join(' or ')} in the top 5, got ${[...new Set(files)].join(', ')}`);
      }
      if (!expected.facts && expected.kind === undefined && expected.outOfScope === undefined) continue;
      const result = await qa.answer(item.question, { language: item.language });
      if (expected.facts) {
        const text = result.answer.toLowerCase();
        const missing = expected.facts.filter((group) => !group.some((fact) => text.includes(fact.toLowerCase())));
        tally.facts[1]! += 1;
        if (missing.length === 0) tally.facts[0]! += 1;
        else failures.push(`${item.id}: answer lacks ${missing.map((group) => group.join('|')).join(', ')} — "${result.answer.replace(/\n/g, ' / ').slice(0, 160)}"`);
      }
      if (expected.kind !== undefined || expected.outOfScope !== undefined) {
        const kindOk = expected.kind === undefined || result.kind === expected.kind;
        const scopeOk = expected.outOfScope === undefined || result.outOfScope === expected.outOfScope;
        tally.kind[1]! += 1;
        if (kindOk && scopeOk) tally.kind[0]! += 1;
        else failures.push(`${item.id}: expected ${expected.kind ?? (expected.outOfScope ? 'out of scope' : 'in scope')}, got ${result.kind}`);
      }
    }
  } finally {
    knowledge.close();
    if (!options.cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  }
  const share = ([hit, all]: number[]) => (all! > 0 ? hit! / all! : 1);
  return { recallAt5: share(tally.recall), factAccuracy: share(tally.facts), kindAccuracy: share(tally.kind), total: questions.length, failures };
}
