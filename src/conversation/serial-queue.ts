/**
 * Runs tasks with the same key one after another, in arrival order, while different keys run
 * concurrently, at most `concurrency` at a time. One user's messages in one conversation are
 * therefore answered in order.
 *
 * Why the cap: Slack wants every event acknowledged within 3 seconds, and the acknowledgement
 * shares the event loop with answering. Unbounded, a deadline-day burst of 500 DMs let hundreds
 * of answers run back to back while new requests waited (ack max > 3 s). With a few answers in
 * flight, each starting on a later turn of the loop, pending requests are acknowledged first;
 * src/slack/http-receiver.ts does the rest (bench/load.ts has the current figures). The cap
 * also bounds concurrent calls to an LLM provider.
 */
export class SerialQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly concurrency = Number.POSITIVE_INFINITY) {}

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const slotted = () => this.inSlot(task);
    const next = previous.then(slotted, slotted);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Resolves when every queued task has finished (used on shutdown). */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  private async inSlot<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    // Start on the next turn of the event loop, after the requests that are already waiting.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      return await task();
    } finally {
      const handOver = this.waiting.shift();
      if (handOver) handOver();
      else this.running -= 1;
    }
  }
}
