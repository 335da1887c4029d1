/** A queue of recorded items (calls, socket frames, connections) that tests wait on with a predicate. */

interface Waiter<T> {
  predicate: (item: T) => boolean;
  since: number;
  resolve: (item: T) => void;
}

/** A queue of recorded items with predicate waiters. `since` is a sequence number from `mark()`. */
export class Recorder<T extends { seq: number }> {
  readonly items: T[] = [];
  private waiters: Waiter<T>[] = [];
  private seq = 0;

  constructor(private readonly keep = true) {}

  add(make: (seq: number) => T): T {
    const item = make(++this.seq);
    if (this.keep) this.items.push(item);
    this.recheck(item);
    return item;
  }

  /** Offer an item that changed (an answered call) to the waiters again. */
  recheck(item: T): void {
    for (const w of [...this.waiters]) {
      if (item.seq > w.since && w.predicate(item)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(item);
      }
    }
  }

  mark(): number {
    return this.seq;
  }

  next(predicate: (item: T) => boolean, since: number, timeoutMs: number, what: string): Promise<T> {
    const found = this.items.find((i) => i.seq > since && predicate(i));
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        since,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== waiter);
        reject(new Error(`fake Slack: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
}
