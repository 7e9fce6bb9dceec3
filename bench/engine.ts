/**
 * The answering engine alone, in process (`npm run bench:engine`): `Itda.respond` built the way
 * src/app builds it (offline: local hashing embeddings, a temporary SQLite database, the real
 * knowledge/), a burst of distinct founders asking at once. CPU per message (process.cpuUsage,
 * main thread plus libuv's pool), min / median over the rounds, with the load average: the Slack
 * path's figure minus Slack. Then the question-answering capability alone, one question at a time,
 * so the answering engine's own share is apart from the conversation around it. Questions are the
 * bench's paraphrases plus the load bench's, never the knowledge base's own sentences; nothing is
 * cached across messages. Last, the same bursts through the answering worker
 * (answering-worker-burst.ts): the worker thread's CPU per answer beside the main thread's.
 * `--profile=F` profiles the conversation rounds, `--profile-answering=F` the capability alone.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseConfig } from '../src/config/config.js';
import { createItda } from '../src/app/create-itda.js';
import { loadProgramFacts } from '../src/program/program-facts.js';
import { createQuestionAnswering } from '../src/question-answering/create-question-answering.js';
import { silentLogger } from '../src/observability/logger.js';
import { median, range } from './match-bench.js';
import { benchWorkerBurst } from './answering-worker-burst.js';
import { PARAPHRASED_QUESTIONS } from './paraphrased-questions.js';

const KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge', import.meta.url));

/** Founders' follow-ups and everyday phrasings, written for this bench (not copied from knowledge/ or eval/). */
const MORE_QUESTIONS = [
  '지원금은 얼마까지 받을 수 있나요?',
  '신청 마감이 언제예요?',
  '가명정보는 동의 없이 쓸 수 있나요?',
  '연구비로 장비를 살 수 있나요?',
  '저희는 AI 영상 판독 스타트업인데 어떤 병원이랑 맞을까요?',
  '인건비도 지원되나요? 그리고 기간은 얼마나 돼요?',
  '제 번호는 010-1234-5678 이에요. 담당자 연락 주세요',
  'IRB 승인 전에 데이터 먼저 받아볼 수 있어요?',
  'Can two startups apply together with one hospital?',
  'Is there a matching fund we must put in ourselves?',
  'We are a Busan company, does that matter?',
  'What should the research plan include?',
];

const QUESTIONS = [...PARAPHRASED_QUESTIONS.map(({ question }) => question), ...MORE_QUESTIONS];

export async function benchEngine(options: { messages?: number; rounds?: number; profile?: string; profileAnswering?: string } = {}): Promise<string[]> {
  const messages = options.messages ?? 300;
  const rounds = options.rounds ?? 3;
  const directory = mkdtempSync(join(tmpdir(), 'itda-engine-bench-'));
  try {
    const parsed = parseConfig({ DATABASE_PATH: join(directory, 'itda.db'), INDEX_DIR: join(directory, 'index'), KNOWLEDGE_DIR, ITDA_NOW: '2026-11-28', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000' });
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const running = await createItda(parsed.config, silentLogger);
    try {
      for (let index = 0; index < 40; index += 1) await running.itda.respond({ userId: `UWARM${index}`, conversationId: `warm:${index}`, text: QUESTIONS[index % QUESTIONS.length]! });
      // --profile=FILE: a .cpuprofile of the measured rounds only (not the index build or warm-up).
      const session = options.profile ? new Session() : undefined;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      const perMessage: number[] = [];
      const wall: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const started = process.cpuUsage();
        const began = performance.now();
        await Promise.all(Array.from({ length: messages }, (_, index) => running.itda.respond({ userId: `UR${round}E${index}`, conversationId: `engine:${round}:${index}`, text: QUESTIONS[(index + round) % QUESTIONS.length]! })));
        wall.push(performance.now() - began);
        const used = process.cpuUsage(started);
        perMessage.push((used.user + used.system) / 1000 / messages);
      }
      if (session && options.profile) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(options.profile, JSON.stringify(profile));
        session.disconnect();
      }
      const answering = await answeringAlone(parsed.config, rounds, options.profileAnswering);
      const onWorker = await benchWorkerBurst(parsed.config, QUESTIONS, { burst: messages, rounds });
      return [
        `${rounds} rounds of ${messages} messages at once from distinct users (${QUESTIONS.length} questions), after 40 unmeasured warm-up messages; load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`,
        `engine CPU per message (min / median): ${range(perMessage)} ms; all rounds: ${perMessage.map((value) => value.toFixed(2)).join(', ')}`,
        `burst wall time (min / median): ${range(wall.map((value) => value / 1000))} s; median ${median(wall).toFixed(0)} ms`,
        `of which answering (QuestionAnswering.answer alone, one question at a time, ${ANSWERING_PASSES} passes over the questions a round): ${range(answering)} ms CPU per question; the rest is the conversation around it (redaction, history, rate limit, the answer record and SQLite)`,
        onWorker
          ? `answering on the worker thread (WorkerQuestionAnswering, ${messages} questions at once, min / median ms CPU per answer): worker thread ${range(onWorker.worker)}, main thread ${range(onWorker.main)}, whole process ${range(onWorker.process)}; the same bursts answered on the main thread: ${range(onWorker.inProcess)}`
          : 'answering on the worker thread: skipped (no /proc to read thread CPU from)',
      ];
    } finally {
      await running.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const ANSWERING_PASSES = 10;

/** CPU per question of the question-answering capability alone, as src/app builds it (offline), in the same index directory. */
async function answeringAlone(config: Parameters<typeof createQuestionAnswering>[0], rounds: number, profile?: string): Promise<number[]> {
  const facts = loadProgramFacts(config.knowledgeDir);
  const { questionAnswering, knowledge } = await createQuestionAnswering(config, silentLogger, () => facts);
  try {
    for (const question of QUESTIONS) await questionAnswering.answer(question);
    // --profile-answering=FILE: a .cpuprofile of these rounds alone (the answering capability, no conversation).
    const stop = profile ? await startProfile() : undefined;
    const perQuestion: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const started = process.cpuUsage();
      for (let pass = 0; pass < ANSWERING_PASSES; pass += 1) for (const question of QUESTIONS) await questionAnswering.answer(question);
      const used = process.cpuUsage(started);
      perQuestion.push((used.user + used.system) / 1000 / (ANSWERING_PASSES * QUESTIONS.length));
    }
    if (stop && profile) writeFileSync(profile, JSON.stringify(await stop()));
    return perQuestion;
  } finally {
    knowledge.close();
  }
}

async function startProfile(): Promise<() => Promise<object>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    return profile;
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rounds = Number(process.argv.find((argument) => argument.startsWith('--rounds='))?.slice(9) ?? 3);
  const profile = process.argv.find((argument) => argument.startsWith('--profile='))?.slice(10);
  const profileAnswering = process.argv.find((argument) => argument.startsWith('--profile-answering='))?.slice(20);
  for (const line of await benchEngine({ rounds, profile, profileAnswering })) console.log(line);
}
