import { describe, expect, it } from "vitest";
import { Batcher } from "./batch.ts";

/** A run function whose batches the test answers by hand, recording what each batch held. */
function manualRun() {
  const batches: {
    items: readonly number[];
    answer: (results: readonly string[]) => void;
    fail: (e: Error) => void;
  }[] = [];
  const run = (items: readonly number[]) =>
    new Promise<readonly string[]>((resolve, reject) => {
      batches.push({ items, answer: resolve, fail: reject });
    });
  return { batches, run };
}

const settle = () => new Promise((r) => setImmediate(r));

describe("Batcher (group commit)", () => {
  it("sends a lone call at once, as a batch of one", async () => {
    const { batches, run } = manualRun();
    const batcher = new Batcher(run, { maxInFlight: 1, maxBatch: 10 });
    const result = batcher.submit(7);
    expect(batches.map((b) => b.items)).toEqual([[7]]);
    batches[0]?.answer(["seven"]);
    expect(await result).toBe("seven");
  });

  it("calls made while the batches in flight are busy go together in the next batch, in arrival order", async () => {
    const { batches, run } = manualRun();
    const batcher = new Batcher(run, { maxInFlight: 2, maxBatch: 10 });
    const results = [1, 2, 3, 4, 5].map((n) => batcher.submit(n));
    // Two batches in flight at most: 1 and 2 went alone, 3-5 wait.
    expect(batches.map((b) => b.items)).toEqual([[1], [2]]);
    batches[1]?.answer(["two"]);
    await settle();
    expect(batches.map((b) => b.items)).toEqual([[1], [2], [3, 4, 5]]);
    batches[0]?.answer(["one"]);
    batches[2]?.answer(["three", "four", "five"]);
    expect(await Promise.all(results)).toEqual(["one", "two", "three", "four", "five"]);
  });

  it("never puts more than maxBatch calls in one batch", async () => {
    const { batches, run } = manualRun();
    const batcher = new Batcher(run, { maxInFlight: 1, maxBatch: 3 });
    const results = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => batcher.submit(n));
    batches[0]?.answer(["a"]);
    await settle();
    batches[1]?.answer(["b", "c", "d"]);
    await settle();
    batches[2]?.answer(["e", "f", "g"]);
    await settle();
    batches[3]?.answer(["h"]);
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3, 4], [5, 6, 7], [8]]);
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
  });

  it("a failed batch fails its own calls only; the next batch still goes", async () => {
    const { batches, run } = manualRun();
    const batcher = new Batcher(run, { maxInFlight: 1, maxBatch: 10 });
    const first = batcher.submit(1);
    const second = batcher.submit(2);
    const third = batcher.submit(3);
    batches[0]?.fail(new Error("connection lost"));
    await expect(first).rejects.toThrow("connection lost");
    await settle();
    expect(batches.map((b) => b.items)).toEqual([[1], [2, 3]]);
    batches[1]?.answer(["two", "three"]);
    expect(await Promise.all([second, third])).toEqual(["two", "three"]);
  });

  it("a batch answered with the wrong number of results fails rather than mixing results up", async () => {
    const { batches, run } = manualRun();
    const batcher = new Batcher(run, { maxInFlight: 1, maxBatch: 10 });
    const first = batcher.submit(1);
    batches[0]?.answer(["one", "extra"]);
    await expect(first).rejects.toThrow("batch of 1 answered with 2 results");
  });

  it("refuses a limit below 1", () => {
    expect(() => new Batcher(async () => [], { maxInFlight: 0, maxBatch: 1 })).toThrow(RangeError);
    expect(() => new Batcher(async () => [], { maxInFlight: 1, maxBatch: 0 })).toThrow(RangeError);
  });
});
