/**
 * Group commit for the PostgreSQL store: calls that arrive while earlier ones are still at the database go
 * together, as one statement, in the next batch.
 *
 * - At low load nothing waits: with fewer than `maxInFlight` batches at the database, a call is sent at once
 *   (as a batch of one).
 * - Under load, the calls that queue up behind the batches in flight are sent together as soon as one returns,
 *   so PostgreSQL runs one statement (one transaction, one round trip) per batch instead of one per call. A call
 *   waits at most for one batch ahead of it.
 * - `run` gets the items in arrival order and returns one result per item, in the same order. When it fails,
 *   every call of that batch fails with its error (and the caller falls back as for any failed call).
 */
export interface BatcherOptions {
  /** Batches at the database at the same time. */
  maxInFlight: number;
  /** Items in one batch at most (the rest wait for the next). */
  maxBatch: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export class Batcher<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly options: BatcherOptions,
  ) {
    if (options.maxInFlight < 1 || options.maxBatch < 1) {
      throw new RangeError("Batcher: maxInFlight and maxBatch must be at least 1");
    }
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      this.send(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async send(batch: Pending<I, O>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((p) => p.item));
      if (results.length !== batch.length) {
        throw new Error(`batch of ${batch.length} answered with ${results.length} results`);
      }
      for (const [i, p] of batch.entries()) p.resolve(results[i] as O);
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}
