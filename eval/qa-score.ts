/**
 * Scores question answering offline (local embeddings, no model) on eval/qa-dev.yaml (tuned on)
 * and eval/qa-test.yaml (written before tuning, never tuned on), each separately: routing
 * accuracy, recall@5 of the expected source, answer-fact accuracy, refusal precision and recall.
 * A dialogue's earlier turns are answered first and become its history, as in a Slack thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ConversationTurn } from '../src/ports/stores.js';
import { loadDataFile } from '../src/data-files/load-data-file.js';
import { silentLogger } from '../src/observability/logger.js';
import { loadProgramFacts } from '../src/program/program-facts.js';
import { KnowledgeQuestionAnswering } from '../src/question-answering/knowledge-question-answering.js';
import { LiveKnowledgeIndex } from '../src/question-answering/live-knowledge-index.js';
import { ROUTES } from '../src/question-answering/routing/routing-examples.js';
import { LocalHashingEmbeddings } from '../src/retrieval/local-hashing-embeddings.js';

const questionSchema = z
  .object({
    id: z.string(),
    route: z.enum(ROUTES).optional(),
    question: z.string().optional(),
    turns: z.array(z.string()).min(2).optional(),
    language: z.enum(['ko', 'en']),
    now: z.union([z.string(), z.date()]).optional(),
    expect: z.object({
      sources: z.array(z.string()).optional(),
      facts: z.array(z.array(z.string()).min(1)).optional(),
      outOfScope: z.boolean().optional(),
      kind: z.string().optional(),
    }),
  })
  .refine((item) => (item.question === undefined) !== (item.turns === undefined), 'give either question or turns');
const questionSetSchema = z.object({ questions: z.array(questionSchema).min(1) });
export type EvalQuestion = z.output<typeof questionSchema>;
export type EvalSplit = 'dev' | 'test';

export interface QuestionAnsweringScore {
  split: EvalSplit;
  total: number;
  dialogues: number;
  routingAccuracy: number;
  recallAt5: number;
  factAccuracy: number;
  kindAccuracy: number;
  refusalPrecision: number;
  refusalRecall: number;
  failures: string[];
}

export interface ScoreOptions {
  knowledgeDir?: string;
  questionsFile?: string;
  split?: EvalSplit;
  /** Where the index is cached; a fresh temporary folder by default. */
  cacheDir?: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REFUSAL_KINDS = new Set(['out_of_scope', 'medical_advice', 'injection']);

export function evalFile(split: EvalSplit): string {
  return join(ROOT, `eval/qa-${split}.yaml`);
}

export function loadEvalQuestions(file = evalFile('dev')): EvalQuestion[] {
  return loadDataFile(file, questionSetSchema, 'each question needs id, question (or turns), language (ko|en) and expect {sources?, facts?, outOfScope?, kind?}; route is optional').questions;
}

/** "2025-04-20" pins noon in Seoul, as ITDA_NOW does. */
export function pinnedNow(value: string | Date): Date {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return new Date(Date.parse(text.length === 10 ? `${text}T12:00:00+09:00` : text));
}

const sameTopic = (source: string) => source.replace(/\.en\.md$/, '.md');
const turn = (role: ConversationTurn['role'], text: string): ConversationTurn => ({ conversationId: 'eval', userId: 'U-eval', role, text, createdAt: new Date(0).toISOString() });

export async function scoreQuestionAnswering(options: ScoreOptions = {}): Promise<QuestionAnsweringScore> {
  const split = options.split ?? 'dev';
  const knowledgeDir = options.knowledgeDir ?? join(ROOT, 'knowledge');
  const questions = loadEvalQuestions(options.questionsFile ?? evalFile(split));
  const cacheDir = options.cacheDir ?? mkdtempSync(join(tmpdir(), 'itda-qa-eval-'));
  const facts = loadProgramFacts(knowledgeDir);
  let now = pinnedNow(facts.as_of);
  const knowledge = await LiveKnowledgeIndex.open({ knowledgeDir, embeddings: new LocalHashingEmbeddings(), cacheDir, logger: silentLogger });
  const qa = new KnowledgeQuestionAnswering({ knowledge, programFacts: () => facts, now: () => now, logger: silentLogger });
  const failures: string[] = [];
  const tally = { route: [0, 0], recall: [0, 0], facts: [0, 0], kind: [0, 0] };
  const refusals = { truePositive: 0, falsePositive: 0, falseNegative: 0 };
  try {
    for (const item of questions) {
      now = pinnedNow(item.now ?? facts.as_of);
      const turns = item.turns ?? [item.question!];
      const history: ConversationTurn[] = [];
      for (const earlier of turns.slice(0, -1)) {
        const reply = await qa.answer(earlier, { history: [...history], language: item.language });
        history.push(turn('user', earlier), turn('assistant', reply.answer));
      }
      const asked = turns.at(-1)!;
      const { expect: expected } = item;
      if (item.route) {
        const route = qa.routeOf(asked, { history });
        tally.route[1]! += 1;
        if (route === item.route) tally.route[0]! += 1;
        else failures.push(`${item.id}: routed to ${route ?? '(retrieval)'}, expected ${item.route}`);
      }
      if (expected.sources) {
        const files = (await qa.retrieve(asked, { history, language: item.language, k: 5 })).map((hit) => sameTopic(hit.metadata.source));
        tally.recall[1]! += 1;
        if (expected.sources.some((source) => files.includes(sameTopic(source)))) tally.recall[0]! += 1;
        else failures.push(`${item.id}: expected ${expected.sources.join(' or ')} in the top 5, got ${[...new Set(files)].join(', ')}`);
      }
      const result = await qa.answer(asked, { history, language: item.language });
      const expectedRefusal = expected.outOfScope ?? (expected.kind ? REFUSAL_KINDS.has(expected.kind) : undefined);
      const refused = REFUSAL_KINDS.has(result.kind);
      if (expectedRefusal === true && refused) refusals.truePositive += 1;
      if (expectedRefusal === true && !refused) refusals.falseNegative += 1;
      if (refused && expectedRefusal !== true) refusals.falsePositive += 1;
      if (expected.facts) {
        const text = result.answer.toLowerCase();
        const missing = expected.facts.filter((group) => !group.some((fact) => text.includes(fact.toLowerCase())));
        tally.facts[1]! += 1;
        if (missing.length === 0) tally.facts[0]! += 1;
        else failures.push(`${item.id}: answer lacks ${missing.map((group) => group.join('|')).join(', ')} — "${result.answer.replace(/\n/g, ' / ').slice(0, 200)}"`);
      }
      if (expected.kind !== undefined || expected.outOfScope !== undefined) {
        const kindOk = expected.kind === undefined || result.kind === expected.kind;
        const scopeOk = expected.outOfScope === undefined || result.outOfScope === expected.outOfScope;
        tally.kind[1]! += 1;
        if (kindOk && scopeOk) tally.kind[0]! += 1;
        else failures.push(`${item.id}: expected ${expected.kind ?? (expected.outOfScope ? 'a refusal' : 'an answer')}, got ${result.kind} — "${result.answer.replace(/\n/g, ' / ').slice(0, 120)}"`);
      }
    }
  } finally {
    knowledge.close();
    if (!options.cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  }
  const share = ([hit, all]: number[]) => (all! > 0 ? hit! / all! : 1);
  const ratio = (hit: number, all: number) => (all > 0 ? hit / all : 1);
  return {
    split,
    total: questions.length,
    dialogues: questions.filter((item) => item.turns).length,
    routingAccuracy: share(tally.route),
    recallAt5: share(tally.recall),
    factAccuracy: share(tally.facts),
    kindAccuracy: share(tally.kind),
    refusalPrecision: ratio(refusals.truePositive, refusals.truePositive + refusals.falsePositive),
    refusalRecall: ratio(refusals.truePositive, refusals.truePositive + refusals.falseNegative),
    failures,
  };
}
