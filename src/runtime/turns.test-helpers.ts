/**
 * For tests of work done in slices (slices.ts): how many turns of the event loop went by while it ran, counted
 * by a callback that puts itself back in the loop's queue of immediates each turn until the work is done.
 */
import { setImmediate } from "node:timers";

export async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    await work();
  } finally {
    done = true;
  }
  return turns;
}
