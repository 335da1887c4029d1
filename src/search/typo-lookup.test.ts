/**
 * The typo dictionary behind "did you type X?" for names (src/search/typos.ts): which typos reach which
 * names, how far apart they are, and in what order they come back. Every dictionary is built inside its test.
 */
import { describe, expect, it } from "vitest";
import { allowedEdits, editDistance, TypoDictionary } from "./typos.ts";

describe("editDistance", () => {
  it("counts a swap of neighbours as one edit, at the start too, and other pairs as two", () => {
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("xy", "zx")).toBe(2);
    expect(editDistance("xy", "yz")).toBe(2);
    // Optimal string alignment: a swapped pair is not edited again ("ca" -> "ac" -> "abc" is not allowed).
    expect(editDistance("ca", "abc")).toBe(3);
  });

  it("measures against an empty word by length", () => {
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("", "")).toBe(0);
  });

  it("stops past the limit and answers limit + 1", () => {
    expect(editDistance("abc", "abcdef", 1)).toBe(2);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("segment", "segmnt", 1)).toBe(1);
    expect(editDistance("segment", "sgemnt", 2)).toBe(2);
    expect(editDistance("segment", "sgemnt", 1)).toBe(2);
  });
});

describe("allowedEdits", () => {
  it("allows none up to 3 letters, one up to 6, two from 7", () => {
    expect([1, 3, 4, 6, 7, 12].map(allowedEdits)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe("TypoDictionary.lookup", () => {
  it("returns each name once, closest first, then alphabetically", () => {
    const dict = new TypoDictionary<string>();
    for (const term of ["segments", "segmenu", "segment"]) dict.add(term, term.toUpperCase());
    expect(dict.lookup("segmen")).toEqual([
      { term: "segment", value: "SEGMENT", distance: 1 },
      { term: "segmenu", value: "SEGMENU", distance: 1 },
      { term: "segments", value: "SEGMENTS", distance: 2 },
    ]);
  });

  it("finds a short name only as typed", () => {
    const dict = new TypoDictionary<string>();
    dict.add("sf", "San Francisco");
    dict.add("lax", "Los Angeles");
    expect(dict.lookup("sf")).toEqual([{ term: "sf", value: "San Francisco", distance: 0 }]);
    expect(dict.lookup("lax")).toEqual([{ term: "lax", value: "Los Angeles", distance: 0 }]);
    // Four letters may carry a typo, but a three-letter name may not: "laxx" is not "lax".
    expect(dict.lookup("laxx")).toEqual([]);
    expect(dict.lookup("lan")).toEqual([]);
  });

  it("holds back a name that shares letters but is two edits from a six-letter word", () => {
    const dict = new TypoDictionary<string>();
    dict.add("london", "London");
    expect(dict.lookup("ondonl")).toEqual([]);
    expect(dict.lookup("lodnon")).toEqual([{ term: "london", value: "London", distance: 1 }]);
  });

  it("keeps every value of a name once, in the order added", () => {
    const dict = new TypoDictionary<string>();
    dict.add("meta", "company Meta");
    dict.add("meta", "outside company Meta");
    dict.add("meta", "company Meta");
    expect(dict.lookup("meta")).toEqual([
      { term: "meta", value: "company Meta", distance: 0 },
      { term: "meta", value: "outside company Meta", distance: 0 },
    ]);
  });
});
