/** The bench's cell for the first answers of several starts with the cache (bench/process.ts). */
import { describe, expect, it } from "vitest";
import { startsCell } from "../../bench/process.ts";

describe("startsCell", () => {
  it("gives the median and every start, fastest first", () => {
    expect(startsCell([1710, 1310, 1420, 1470, 1380])).toBe(
      "median 1.42 s of 5: 1.31, 1.38, 1.42, 1.47, 1.71 s",
    );
  });

  it("takes the mean of the two middle starts when their number is even", () => {
    expect(startsCell([1500, 1200, 1300, 1600])).toBe("median 1.40 s of 4: 1.20, 1.30, 1.50, 1.60 s");
  });

  it("says so when there is no start", () => {
    expect(startsCell([])).toBe("–");
  });
});
