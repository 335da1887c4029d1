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
});
