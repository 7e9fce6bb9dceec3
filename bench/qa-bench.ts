/**
 * Offline question answering, in process, over questions written in founders' words
 * (bench/paraphrased-questions.ts), not the knowledge base's or the eval set's: CPU and wall
 * time per answer, min / median of the rounds. The knowledge index's load in a fresh process is
 * part of the CLI round trip in the start-up bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinnedNow } from '../eval/qa-score.js';
import { silentLogger } from '../src/observability/logger.js';
import { loadProgramFacts } from '../src/program/program-facts.js';
import { KnowledgeQuestionAnswering } from '../src/question-answering/knowledge-question-answering.js';
import { LiveKnowledgeIndex } from '../src/question-answering/live-knowledge-index.js';
import { LocalHashingEmbeddings } from '../src/retrieval/local-hashing-embeddings.js';
import { median, range } from './match-bench.js';
import { PARAPHRASED_QUESTIONS } from './paraphrased-questions.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge', import.meta.url));

export async function benchQuestionAnswering(rounds: number): Promise<string[]> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'itda-qa-bench-'));
  try {
    const knowledge = await LiveKnowledgeIndex.open({ knowledgeDir: KNOWLEDGE_DIR, embeddings: new LocalHashingEmbeddings(), cacheDir, logger: silentLogger });
    const facts = loadProgramFacts(KNOWLEDGE_DIR);
    const now = pinnedNow(facts.as_of);
    const qa = new KnowledgeQuestionAnswering({ knowledge, programFacts: () => facts, now: () => now, logger: silentLogger });
    for (const { question, language } of PARAPHRASED_QUESTIONS.slice(0, 4)) await qa.answer(question, { language });
    const cpuMedians: number[] = [];
    const wallMedians: number[] = [];
    let cited = 0;
    for (let round = 0; round < rounds; round += 1) {
      const cpu: number[] = [];
      const wall: number[] = [];
      for (const { question, language } of PARAPHRASED_QUESTIONS) {
        const started = process.cpuUsage();
        const began = performance.now();
        const answer = await qa.answer(question, { language });
        wall.push(performance.now() - began);
        const used = process.cpuUsage(started);
        cpu.push((used.user + used.system) / 1000);
        if (round === 0 && answer.citations.length > 0) cited += 1;
      }
      cpuMedians.push(median(cpu));
      wallMedians.push(median(wall));
    }
    knowledge.close();
    const { stats } = knowledge.current;
    return [
      `knowledge: ${stats.files} files, ${stats.documents} sections (local hashing embeddings, offline); ${PARAPHRASED_QUESTIONS.length} paraphrased questions`,
      `answer CPU per question (median per round ×${rounds}): ${range(cpuMedians)} ms; wall ${range(wallMedians)} ms`,
      `answered with at least one citation: ${cited} of ${PARAPHRASED_QUESTIONS.length} (quality is eval/'s job; this only shows the questions are not refused wholesale)`,
    ];
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
