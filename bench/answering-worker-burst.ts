/**
 * The answering worker alone (part of `npm run bench:engine`): a burst of questions asked at
 * once through WorkerQuestionAnswering, as the Slack path asks them, with the CPU of each of
 * our threads read from /proc (Linux; elsewhere the figure is skipped). The worker thread's CPU
 * per answer next to the same burst answered on the main thread shows what the thread hop costs
 * (messages, the worker's own heap) apart from the answering itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ItdaConfig } from '../src/config/config.js';
import { createCapabilities } from '../src/app/create-capabilities.js';
import { WorkerQuestionAnswering } from '../src/app/answering-worker/worker-question-answering.js';
import { silentLogger } from '../src/observability/logger.js';
import type { QuestionAnswering } from '../src/ports/capabilities.js';

export interface WorkerBurstFigures {
  /** Per round, ms of CPU per answer: the worker thread, the main thread, and the whole process. */
  worker: number[];
  main: number[];
  process: number[];
  /** The same bursts answered on the main thread (whole process, ms per answer). */
  inProcess: number[];
}

const WARM_UP = 300;

export async function benchWorkerBurst(config: ItdaConfig, questions: string[], options: { burst: number; rounds: number }): Promise<WorkerBurstFigures | undefined> {
  if (threadTimes() === undefined) return undefined;
  const { questionAnswering, close } = await createCapabilities(config, silentLogger);
  const figures: WorkerBurstFigures = { worker: [], main: [], process: [], inProcess: [] };
  const burst = (answering: QuestionAnswering, round: number) =>
    Promise.all(Array.from({ length: options.burst }, (_, index) => answering.answer(questions[(index + round) % questions.length]!, { history: [] })));
  const answering = WorkerQuestionAnswering.start(config, questionAnswering, silentLogger);
  try {
    if (!(await answering.whenReady())) return undefined;
    for (let index = 0; index < WARM_UP; index += 1) await answering.answer(questions[index % questions.length]!);
    for (let round = 0; round < options.rounds; round += 1) {
      const before = threadTimes()!;
      const started = process.cpuUsage();
      await burst(answering, round);
      const used = process.cpuUsage(started);
      const after = threadTimes()!;
      const others = [...after].filter(([thread]) => thread !== process.pid).map(([thread, ms]) => ms - (before.get(thread) ?? 0));
      figures.worker.push(Math.max(0, ...others) / options.burst);
      figures.main.push((after.get(process.pid)! - before.get(process.pid)!) / options.burst);
      figures.process.push((used.user + used.system) / 1000 / options.burst);
    }
  } finally {
    await answering.close();
  }
  for (let index = 0; index < WARM_UP; index += 1) await questionAnswering.answer(questions[index % questions.length]!);
  for (let round = 0; round < options.rounds; round += 1) {
    const started = process.cpuUsage();
    await burst(questionAnswering, round);
    const used = process.cpuUsage(started);
    figures.inProcess.push((used.user + used.system) / 1000 / options.burst);
  }
  close();
  return figures;
}

/** CPU ms so far of each of this process's threads, by thread id (the main thread's is the pid); undefined without /proc. */
function threadTimes(): Map<number, number> | undefined {
  try {
    const times = new Map<number, number>();
    for (const thread of readdirSync('/proc/self/task')) {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 a second).
      const fields = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8').split(') ')[1]!.split(' ');
      times.set(Number(thread), (Number(fields[11]) + Number(fields[12])) * 10);
    }
    return times;
  } catch {
    return undefined;
  }
}
