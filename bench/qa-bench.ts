/**
 * Offline question answering, in process: cold index build vs warm load, answer latency over
 * the evaluation questions after load, and peak resident memory. Targets: p95 ≤ 50 ms, warm ≤ 1 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEvalQuestions, pinnedNow } from '../eval/qa-score.js';
import { silentLogger } from '../src/observability/logger.js';
import { loadProgramFacts } from '../src/program/program-facts.js';
import { KnowledgeQuestionAnswering } from '../src/question-answering/knowledge-question-answering.js';
import { LiveKnowledgeIndex } from '../src/question-answering/live-knowledge-index.js';
import { LocalHashingEmbeddings } from '../src/retrieval/local-hashing-embeddings.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge', import.meta.url));
const ROUNDS = 5;

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

export async function benchQuestionAnswering(): Promise<string[]> {
  let peakRss = process.memoryUsage().rss;
  const sampleMemory = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const cacheDir = mkdtempSync(join(tmpdir(), 'itda-qa-bench-'));
  try {
    const open = async () => {
      const started = performance.now();
      const knowledge = await LiveKnowledgeIndex.open({ knowledgeDir: KNOWLEDGE_DIR, embeddings: new LocalHashingEmbeddings(), cacheDir, logger: silentLogger });
      return { knowledge, milliseconds: performance.now() - started };
    };
    const cold = await open();
    cold.knowledge.close();
    sampleMemory();
    const warm = await open();
    sampleMemory();
    const facts = loadProgramFacts(KNOWLEDGE_DIR);
    let now = pinnedNow(facts.as_of);
    const qa = new KnowledgeQuestionAnswering({ knowledge: warm.knowledge, programFacts: () => facts, now: () => now, logger: silentLogger });
    // Single questions of the dev set (a dialogue's turns are answered in eval/qa-score.ts).
    const questions = loadEvalQuestions().flatMap((item) => (item.question ? [{ ...item, question: item.question }] : []));
    for (const question of questions.slice(0, 10)) await qa.answer(question.question, { language: question.language });
    const latencies: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const question of questions) {
        now = question.now ? pinnedNow(question.now) : pinnedNow(facts.as_of);
        const started = performance.now();
        await qa.answer(question.question, { language: question.language });
        latencies.push(performance.now() - started);
      }
      sampleMemory();
    }
    warm.knowledge.close();
    latencies.sort((left, right) => left - right);
    const { stats } = warm.knowledge.current;
    const p95 = percentile(latencies, 0.95);
    return [
      `knowledge: ${stats.files} files, ${stats.documents} sections (local hashing embeddings, offline)`,
      `cold index build: ${cold.milliseconds.toFixed(0)} ms (embedded ${cold.knowledge.current.stats.embedded})`,
      `warm load: ${warm.milliseconds.toFixed(0)} ms (embedded ${stats.embedded}, graph ${stats.graph}) — target ≤ 1000 ms ${warm.milliseconds <= 1000 ? 'OK' : 'MISSED'}`,
      `answers: ${latencies.length} (${questions.length} questions × ${ROUNDS})`,
      `latency p50: ${percentile(latencies, 0.5).toFixed(2)} ms, p95: ${p95.toFixed(2)} ms, max: ${latencies.at(-1)!.toFixed(2)} ms — target p95 ≤ 50 ms ${p95 <= 50 ? 'OK' : 'MISSED'}`,
      `peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
    ];
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
