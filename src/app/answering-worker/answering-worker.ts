import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../../observability/logger.js';
import { createCapabilities } from '../create-capabilities.js';
import { serializeError, type AnswerRequest, type FromWorker, type Reply, type ToWorker, type WorkerConfig } from './answering-protocol.js';

/**
 * The answering worker's thread: the same capabilities as the main thread's (createCapabilities,
 * the same staff files and index), answering the questions the main thread sends. It does not
 * watch the files itself: the main thread tells it when one changed, and a question sent after
 * that is answered only once the worker has the new version too.
 */
const port = parentPort!;
const config = workerData as WorkerConfig;
let offsetMs = 0;
const logger = createLogger(config.logLevel);
const send = (message: FromWorker) => port.postMessage(message);
/**
 * Answers finished in one turn go back as one message: the main thread, which acknowledges
 * Slack's requests, is woken once for them rather than once per answer.
 */
let replies: Reply[] = [];
const sendReplies = () => {
  const finished = replies;
  replies = [];
  send({ type: 'replies', replies: finished });
};
const reply = (message: Reply) => {
  if (replies.length === 0) setImmediate(sendReplies);
  replies.push(message);
};

try {
  const capabilities = await createCapabilities({ ...config, slack: { kind: 'console' }, now: () => new Date(Date.now() + offsetMs) }, logger);
  /** Refreshes in order; every question waits for those asked for before it. */
  let fresh: Promise<unknown> = Promise.resolve();
  const answer = async (message: AnswerRequest) => {
    offsetMs = message.now - Date.now();
    try {
      reply({ type: 'answered', id: message.id, answer: await capabilities.questionAnswering.answer(message.question, message.options) });
    } catch (error) {
      reply({ type: 'error', id: message.id, error: serializeError(error) });
    }
  };
  /**
   * The questions that arrive in one turn of the event loop are answered together once it ends,
   * not each inside its own message's callback: on a burst of 500 that took about a third more
   * CPU per answer on this thread (the same answers, the same order of starting).
   */
  let arrived: AnswerRequest[] = [];
  const answerArrived = () => {
    if (arrived.length === 0) return;
    const questions = arrived;
    arrived = [];
    void fresh.then(() => {
      for (const message of questions) void answer(message);
    });
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'refresh') {
      // Questions asked before the refresh are answered as the worker has the files now, as before.
      answerArrived();
      fresh = fresh.then(() => capabilities.dataFiles.registry.checkNow()).catch((error: unknown) => logger.error({ err: error }, 'answering worker could not reload the staff files'));
      return;
    }
    if (arrived.length === 0) setImmediate(answerArrived);
    arrived.push(message);
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: String((error as Error)?.message ?? error) });
}
