/**
 * Slices of background work (slices.ts): one ends at its item limit, or once it has run 1 ms (its clock looked
 * at every 8 items); the next one starts after a pause, with a new count and a new clock. The clock is faked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runSteps, runStepsInSlices, Slice } from "./slices.ts";

/** Items done until the slice says it is full, each taking `ms` of the (fake) clock. */
function itemsUntilFull(slice: Slice, ms: number): number {
  let items = 0;
  do {
    items++;
    vi.advanceTimersByTime(ms);
  } while (!slice.full() && items < 10_000);
  return items;
}

describe("Slice", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("ends at its item limit when the items are quick", () => {
    expect(itemsUntilFull(new Slice(3, async () => {}), 0)).toBe(3);
    expect(itemsUntilFull(new Slice(1, async () => {}), 0)).toBe(1);
  });

  it("ends once it has run 1 ms, seen at the next look at the clock (every 8 items)", () => {
    // 0.1 ms an item: 1 ms is reached at the 10th item, seen at the 16th.
    expect(itemsUntilFull(new Slice(1_000, async () => {}), 0.1)).toBe(16);
    // 0.3 ms an item: reached at the 4th, seen at the 8th.
    expect(itemsUntilFull(new Slice(1_000, async () => {}), 0.3)).toBe(8);
    // The item limit first.
    expect(itemsUntilFull(new Slice(5, async () => {}), 0.3)).toBe(5);
  });

  it("starts the next slice after a pause, with a new count and a new clock", async () => {
    let pauses = 0;
    const slice = new Slice(4, async () => {
      pauses++;
      // The pause itself takes time: the next slice's clock starts after it.
      vi.advanceTimersByTime(50);
    });
    expect(itemsUntilFull(slice, 0)).toBe(4);
    await slice.next();
    expect(pauses).toBe(1);
    expect(itemsUntilFull(slice, 0)).toBe(4);
    await slice.next();
    expect(itemsUntilFull(slice, 0.1)).toBe(4);
    const long = new Slice(1_000, async () => {
      vi.advanceTimersByTime(50);
    });
    vi.advanceTimersByTime(5);
    // Its clock ran out before any item: seen at the 8th.
    expect(itemsUntilFull(long, 0)).toBe(8);
    await long.next();
    expect(itemsUntilFull(long, 0.1)).toBe(16);
  });
});

describe("runSteps / runStepsInSlices", () => {
  /** Five steps, each noted in `done`, then "five". */
  function* five(done: number[]) {
    for (let i = 1; i <= 5; i++) {
      done.push(i);
      yield;
    }
    return "five";
  }

  it("runs every step and gives the result, at once or a slice at a time", async () => {
    const done: number[] = [];
    expect(runSteps(five(done))).toBe("five");
    expect(done).toEqual([1, 2, 3, 4, 5]);

    const sliced: number[] = [];
    const pausedAfter: number[] = [];
    let afterPauses = 0;
    const slice = new Slice(2, async () => {
      pausedAfter.push(sliced.length);
    });
    expect(await runStepsInSlices(five(sliced), slice, () => void afterPauses++)).toBe("five");
    expect(sliced).toEqual([1, 2, 3, 4, 5]);
    // Two steps a slice: a pause after the 2nd and the 4th.
    expect(pausedAfter).toEqual([2, 4]);
    expect(afterPauses).toBe(2);
  });

  it("stops where the call after a pause throws: no step after it runs", async () => {
    const done: number[] = [];
    const stopped = runStepsInSlices(five(done), new Slice(2, async () => {}), () => {
      throw new Error("stopped");
    });
    await expect(stopped).rejects.toThrow("stopped");
    expect(done).toEqual([1, 2]);
  });
});
