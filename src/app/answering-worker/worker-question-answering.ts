import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ItdaConfig } from '../../config/config.js';
import type { Logger } from '../../observability/logger.js';
import type { QuestionAnswer, QuestionAnswering } from '../../ports/capabilities.js';
import { revivedError, type AnswerOptions, type FromWorker, type Reply, type ToWorker, type WorkerConfig } from './answering-protocol.js';

/** Measured with bench:load (see the commit that set it). */
const YOUNG_GENERATION_MB = 16;

interface Pending {
  question: string;
  options?: AnswerOptions;
  resolve: (answer: QuestionAnswer) => void;
  reject: (error: unknown) => void;
}

/**
 * Question answering on a worker thread, behind the same QuestionAnswering port the engine
 * already takes: in Slack mode the main thread reads, verifies, stores and acknowledges
 * requests and posts replies, and a deadline-day burst no longer makes those wait behind the
 * answers' search and ranking (bench/load.ts measures both). Everything with state (drafts,
 * history, rate limits, the inbox, staff commands) stays on the main thread in the one Itda.
 *
 * Until the worker has loaded the knowledge, and for good if it fails or exits, questions are
 * answered by `inProcess`, the main thread's own capability: answering never depends on it.
 */
export class WorkerQuestionAnswering implements QuestionAnswering {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private ready = false;
  private gone = false;
  private readonly started: Promise<boolean>;
  private settleStart!: (ready: boolean) => void;
  /** Questions the worker answered (the rest went to the main thread's own capability). */
  answeredInWorker = 0;

  private constructor(private readonly worker: Worker, private readonly inProcess: QuestionAnswering, private readonly now: () => Date, private readonly logger: Logger) {
    this.started = new Promise((resolve) => (this.settleStart = resolve));
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => logger.error({ err: error }, 'answering worker failed; answering on the main thread'));
    worker.on('exit', (code) => this.lost(code));
  }

  static start(config: ItdaConfig, inProcess: QuestionAnswering, logger: Logger): WorkerQuestionAnswering {
    const { now, slack: _slack, ...rest } = config;
    const data: WorkerConfig = rest;
    // A smaller young generation than V8's default for a main thread: answers allocate short-lived
    // garbage that a scavenge of a few MB clears as well, and the default's room is RSS on deadline day.
    const options = { workerData: data, stdout: false, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } };
    // Run from source (tsx, tests) the worker registers tsx's loader first; the prebuilt runtime runs plain JS.
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(`import(${JSON.stringify(tsxLoaderUrl())}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(new URL('./answering-worker.ts', import.meta.url).href)}));`, { ...options, eval: true })
      : new Worker(new URL('./answering-worker.js', import.meta.url), options);
    return new WorkerQuestionAnswering(worker, inProcess, now, logger);
  }

  answer(question: string, options?: AnswerOptions): Promise<QuestionAnswer> {
    if (!this.ready || this.gone) return this.inProcess.answer(question, options);
    const id = this.nextId++;
    return new Promise<QuestionAnswer>((resolve, reject) => {
      this.pending.set(id, { question, options, resolve, reject });
      this.post({ type: 'answer', id, question, options, now: this.now().getTime() });
    });
  }

  /** Where questions are answered right now, for /healthz. */
  get where(): 'worker' | 'main thread' {
    return this.ready && !this.gone ? 'worker' : 'main thread';
  }

  /** True once the worker answers, false if it could not start (questions then stay on the main thread). */
  whenReady(): Promise<boolean> {
    return this.started;
  }

  /** The main thread's staff files changed: the worker looks again before its next answer. */
  refresh(): void {
    if (!this.gone) this.post({ type: 'refresh' });
  }

  async close(): Promise<void> {
    this.gone = true;
    await this.worker.terminate();
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'ready') {
      this.ready = true;
      this.settleStart(true);
      return;
    }
    if (message.type === 'failed') {
      this.logger.error({ reason: message.message }, 'answering worker could not start; answering on the main thread');
      this.gone = true;
      this.settleStart(false);
      void this.worker.terminate();
      return;
    }
    for (const reply of message.replies) this.settle(reply);
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (reply.type === 'answered') {
      this.answeredInWorker += 1;
      waiting?.resolve(reply.answer);
      return;
    }
    waiting?.reject(revivedError(reply.error));
  }

  /** An exit nobody asked for: the questions it held are answered on the main thread instead. */
  private lost(code: number): void {
    const unexpected = !this.gone;
    this.gone = true;
    this.settleStart(false);
    if (unexpected) this.logger.error({ code }, 'answering worker exited; answering on the main thread');
    const held = [...this.pending.values()];
    this.pending.clear();
    for (const waiting of held) this.inProcess.answer(waiting.question, waiting.options).then(waiting.resolve, waiting.reject);
  }
}

/** tsx's ESM API (its `register()` installs the TypeScript loader in the thread that calls it). */
function tsxLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}
