/**
 * Background work done while questions are answered (the guide watcher's start, indexing the guides by file,
 * "did you mean", an index rebuilt on hot reload) runs in slices, the event loop free in between. A question
 * that arrives during a slice waits for it to end, and its handling takes several turns of the event loop
 * (headers, body, Bolt's middleware, the reply), each of which can wait for a slice. With slices of a fixed
 * number of items (up to 5-7 ms each), the first requests after a cached start at 50,000 guides took up to
 * 19 ms; with the background work turned off, none took over 11 ms (5 starts each, a scratch driver on a 2-core
 * machine). So a slice also ends once it has held the event loop for SLICE_BUDGET_MS.
 */
import { setImmediate as nextTurn } from "node:timers/promises";

/** How long one slice may hold the event loop (ms). */
export const SLICE_BUDGET_MS = 1;
/** Items done between two looks at the clock. */
const CLOCK_EVERY = 8;

/**
 * A slice of at most `maxItems` items and SLICE_BUDGET_MS: call `full()` after each item, and yield (`next()`)
 * when it says so.
 */
export class Slice {
  private until: number;
  private count = 0;

  /** `pause`: how the event loop is freed between two slices (a turn; tests count them). */
  constructor(
    private readonly maxItems: number,
    private readonly pause: () => Promise<unknown> = () => nextTurn(),
  ) {
    this.until = performance.now() + SLICE_BUDGET_MS;
  }

  /** Counts one item done; true when the slice is over. */
  full(): boolean {
    this.count++;
    if (this.count >= this.maxItems) return true;
    return this.count % CLOCK_EVERY === 0 && performance.now() >= this.until;
  }

  /** Frees the event loop for a turn, then starts the next slice. */
  async next(): Promise<void> {
    await this.pause();
    this.count = 0;
    this.until = performance.now() + SLICE_BUDGET_MS;
  }
}

/** Work written as a generator that stops (`yield`) between its steps, and returns its result. */
export type Steps<R> = Generator<void, R, void>;

/** Runs `steps` to the end at once; its result. */
export function runSteps<R>(steps: Steps<R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs `steps` to the end, a step an item of `slice`: the event loop is freed whenever the slice is full,
 * and `afterPause` (which may throw to stop) runs after each pause. Its result.
 */
export async function runStepsInSlices<R>(
  steps: Steps<R>,
  slice: Slice,
  afterPause?: () => void,
): Promise<R> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slice.full()) {
      await slice.next();
      afterPause?.();
    }
  }
}
