/** How many guides bench:process rewrites at once (bench/process.ts): it picks 100 more than that to edit. */
import { describe, expect, it } from "vitest";
import { burstSize } from "../../bench/process.ts";

describe("burstSize", () => {
  it("is 1,000 guides from a 2,000-guide catalogue up", () => {
    expect(burstSize(50_000)).toBe(1_000);
    expect(burstSize(2_000)).toBe(1_000);
  });

  it("is half the catalogue below that, so that `--guides 1000` has guides left to pick from", () => {
    expect(burstSize(1_000)).toBe(500);
    expect(burstSize(1_999)).toBe(999);
  });
});
