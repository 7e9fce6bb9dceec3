import type { ItdaConfig } from '../../config/config.js';
import type { QuestionAnswer } from '../../ports/capabilities.js';
import type { QuestionAnswering } from '../../ports/capabilities.js';

/**
 * The messages between the main thread and the answering worker: one port, the
 * QuestionAnswering one (`answer(question, options) → answer`), plus "look at the staff files
 * again" when the main thread saw one change. Everything crosses as structured clones.
 */
export type AnswerOptions = Parameters<QuestionAnswering['answer']>[1];

/** The config as the worker gets it: no functions (the clock comes with each question), no Slack tokens. */
export type WorkerConfig = Omit<ItdaConfig, 'now' | 'slack'>;

/** `now` is the main thread's program "today" (ITDA_NOW may pin it), in milliseconds. */
export interface AnswerRequest {
  type: 'answer';
  id: number;
  question: string;
  options: AnswerOptions;
  now: number;
}

export type ToWorker = AnswerRequest | { type: 'refresh' };

/** One question's outcome. */
export type Reply = { type: 'answered'; id: number; answer: QuestionAnswer } | { type: 'error'; id: number; error: SerializedError };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  /** The questions answered in one turn of the worker's event loop, in the order they finished. */
  | { type: 'replies'; replies: Reply[] };

/** What callers read from a failure (answer-safely.ts: userMessage, reference), kept across the thread. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  userMessage?: unknown;
  reference?: unknown;
}

export function serializeError(error: unknown): SerializedError {
  const known = (error ?? {}) as Partial<SerializedError>;
  return {
    name: typeof known.name === 'string' ? known.name : 'Error',
    message: typeof known.message === 'string' ? known.message : String(error),
    stack: typeof known.stack === 'string' ? known.stack : undefined,
    ...(known.userMessage !== undefined ? { userMessage: known.userMessage } : {}),
    ...(known.reference !== undefined ? { reference: known.reference } : {}),
  };
}

export function revivedError(serialized: SerializedError): Error {
  const error = Object.assign(new Error(serialized.message), serialized);
  return error;
}
