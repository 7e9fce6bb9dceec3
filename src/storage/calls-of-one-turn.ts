interface PendingCall<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Calls made in the same turn of the event loop, answered together: `run` gets up to `size` of
 * them at once and returns one result per request, in order. Batches run one after another, so
 * a batch sees everything the batches before it wrote. A failed batch fails each of its calls.
 */
export class CallsOfOneTurn<Request, Result> {
  private pending: PendingCall<Request, Result>[] = [];
  private running?: Promise<void>;

  constructor(
    private readonly size: number,
    private readonly run: (requests: Request[]) => Promise<Result[]>,
  ) {}

  call(request: Request): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.pending.push({ request, resolve, reject });
      this.running ??= new Promise<void>((started) => setImmediate(started)).then(() => this.runPending());
    });
  }

  private async runPending(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.size);
      try {
        const results = await this.run(batch.map((call) => call.request));
        batch.forEach((call, index) => call.resolve(results[index]!));
      } catch (error) {
        for (const call of batch) call.reject(error);
      }
    }
    this.running = undefined;
  }
}
