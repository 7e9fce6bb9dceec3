import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../../observability/logger.js';
import { createCapabilities } from '../create-capabilities.js';
import { serializeError, type FromWorker, type ToWorker, type WorkerConfig } from './answering-protocol.js';

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

try {
  const capabilities = await createCapabilities({ ...config, slack: { kind: 'console' }, now: () => new Date(Date.now() + offsetMs) }, logger);
  /** Refreshes in order; every question waits for those asked for before it. */
  let fresh: Promise<unknown> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'refresh') {
      fresh = fresh.then(() => capabilities.dataFiles.registry.checkNow()).catch((error: unknown) => logger.error({ err: error }, 'answering worker could not reload the staff files'));
      return;
    }
    void fresh.then(async () => {
      offsetMs = message.now - Date.now();
      try {
        send({ type: 'answered', id: message.id, answer: await capabilities.questionAnswering.answer(message.question, message.options) });
      } catch (error) {
        send({ type: 'error', id: message.id, error: serializeError(error) });
      }
    });
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'failed', message: String((error as Error)?.message ?? error) });
}
