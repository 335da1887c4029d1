import { describe, expect, it } from "vitest";
import { lowerBound } from "./sorted.ts";

const self = (s: string) => s;

describe("lowerBound", () => {
  const list = ["a/x.md", "a/y.md", "ab/z.md", "b/w.md"];

  it("gives the first index whose key is not below the one sought", () => {
    expect(lowerBound(list, "a/", self)).toBe(0);
    expect(lowerBound(list, "a/y.md", self)).toBe(1);
    expect(lowerBound(list, "ab/", self)).toBe(2);
    expect(lowerBound(list, "b", self)).toBe(3);
    expect(lowerBound(list, "c", self)).toBe(4);
    expect(lowerBound([], "a", self)).toBe(0);
  });

  it("reads the key of each item through keyOf", () => {
    const pairs: [string, number][] = [
      ["apple", 1],
      ["banana", 2],
      ["cherry", 3],
    ];
    expect(lowerBound(pairs, "b", ([word]) => word)).toBe(1);
    expect(lowerBound(pairs, "banana\uffff", ([word]) => word)).toBe(2);
  });

  it("searches numbers too, in a typed array as in an array", () => {
    const same = (n: number) => n;
    const postings = new Float64Array([3, 3, 7, 10]);
    expect(lowerBound(postings, 3, same)).toBe(0);
    expect(lowerBound(postings, 4, same)).toBe(2);
    expect(lowerBound(postings, 10, same)).toBe(3);
    expect(lowerBound(postings, 11, same)).toBe(4);
    // Numbers compare as numbers: 10 is not below 9 (as strings, "10" < "9").
    expect(lowerBound([{ at: 2 }, { at: 9 }, { at: 10 }], 10, ({ at }) => at)).toBe(2);
  });
});
