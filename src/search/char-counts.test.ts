/**
 * CharCounts: the characters a phrase lacks never outnumber the errors of the pattern's best fuzzy match in
 * it, so no phrase that could match is left out; phrases that lack too many are.
 */
import { describe, expect, it } from "vitest";
import { CharCounts } from "./char-counts.ts";

/**
 * The fewest errors (characters changed, added or left out) of `pattern` against any part of `text`: Sellers'
 * dynamic programme (edit distance where the match may start and end anywhere in the text).
 */
function fewestErrors(pattern: string, text: string): number {
  let previous = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= pattern.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++) {
      const same = pattern[i - 1] === text[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j - 1]! + same, previous[j]! + 1, row[j - 1]! + 1);
    }
    previous = row;
  }
  return Math.min(...previous);
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("CharCounts", () => {
  it("reads phrases and patterns in lower case, as fuse.js does", () => {
    const counts = new CharCounts(2);
    counts.add("ÉCOLE Globex");
    counts.add("initech");
    expect(counts.candidates("école globex", 0)).toEqual([0]);
    expect(counts.candidates("ÉCOLE GLOBEX", 0)).toEqual([0]);
    expect(counts.candidates("INITECH", 0)).toEqual([1]);
  });

  it("leaves out a phrase that lacks more characters than the errors allowed", () => {
    const counts = new CharCounts(3);
    for (const phrase of ["arlar works", "quillon bench works", "Quillon Benchworks"]) counts.add(phrase);
    expect(counts.size).toBe(3);
    // "arlar works" has r, l, w, o, k, s and one space of the pattern's 19 characters; it lacks q, u, i, one l,
    // one o, two n, one space, b, e, c and h: 12.
    expect(counts.candidates("quillon bench works", 11)).toEqual([1, 2]);
    expect(counts.candidates("quillon bench works", 12)).toEqual([0, 1, 2]);
    // Upper case counts as lower case (as fuse.js reads both); the run-together name lacks only a space.
    expect(counts.candidates("quillon bench works", 0)).toEqual([1]);
    expect(counts.candidates("quillon bench works", 1)).toEqual([1, 2]);
    // Characters no phrase has are missing from every phrase: "globex" needs a g and an x besides.
    expect(counts.candidates("globex", 1)).toEqual([]);
    expect(counts.candidates("globex", 2)).toEqual([1, 2]);
    expect(counts.candidates("globex", 4)).toEqual([0, 1, 2]);
  });

  it("never leaves out a phrase the pattern matches within the errors (random phrases and patterns)", () => {
    const next = random(42);
    const letters = "abcde fgé";
    const word = (n: number) =>
      Array.from({ length: n }, () => letters[Math.floor(next() * letters.length)]).join("");
    const phrases = Array.from({ length: 300 }, () => word(1 + Math.floor(next() * 12)));
    const counts = new CharCounts(phrases.length);
    for (const phrase of phrases) counts.add(phrase);
    let leftOut = 0;
    let kept = 0;
    for (let p = 0; p < 60; p++) {
      const pattern = word(1 + Math.floor(next() * 10));
      const fewest = phrases.map((phrase) => fewestErrors(pattern, phrase));
      for (let errors = 0; errors <= 4; errors++) {
        const found = new Set(counts.candidates(pattern, errors));
        phrases.forEach((phrase, i) => {
          if (fewest[i]! <= errors) {
            expect(found.has(i), `${pattern} in ${phrase} within ${errors}`).toBe(true);
            kept++;
          } else if (!found.has(i)) leftOut++;
        });
      }
    }
    // Both kinds of phrase were seen: the test is not passed by keeping everything or nothing.
    expect(kept).toBeGreaterThan(1000);
    expect(leftOut).toBeGreaterThan(1000);
  });

  it("stays a lower bound past 255 of one character and past 63 distinct ones (they share a column)", () => {
    const many = Array.from({ length: 120 }, (_, i) => String.fromCharCode(0x4e00 + i)).join("");
    // a, b and x get the first columns, then 60 of `many`'s characters; its other 60 share the last column.
    const phrases = ["a".repeat(300), `${"b".repeat(260)}x`, many, many.slice(60)];
    const counts = new CharCounts(phrases.length);
    for (const phrase of phrases) counts.add(phrase);
    const next = random(7);
    for (let p = 0; p < 200; p++) {
      const source = phrases[Math.floor(next() * phrases.length)]!;
      const at = Math.floor(next() * (source.length - 8));
      // A piece of a phrase with one character changed.
      const piece = source.slice(at, at + 8);
      const pattern = `${piece.slice(0, 3)}z${piece.slice(4)}`;
      const found = new Set(counts.candidates(pattern.toUpperCase(), 1));
      phrases.forEach((phrase, i) => {
        if (fewestErrors(pattern, phrase) <= 1) expect(found.has(i), `${pattern} in phrase ${i}`).toBe(true);
      });
    }
    // A count of 255 stands for "255 or more": 300 a's are not known to be missing from 300 a's, nor 300 b's
    // from 260 (nothing is known beyond 255).
    expect(counts.candidates("a".repeat(300), 0)).toEqual([0]);
    expect(counts.candidates("b".repeat(300), 0)).toEqual([1]);
    expect(counts.candidates("b".repeat(300), 299)).toEqual([1]);
    // 一 and 丁 have columns; ☃ (in no phrase) is counted in the shared one, where `many` has 60 characters:
    // weaker, still a lower bound.
    expect(counts.candidates("一丁", 0)).toEqual([2]);
    expect(counts.candidates("一丁☃", 0)).toEqual([2]);
    expect(counts.candidates("一丁☃", 1)).toEqual([2]);
    expect(counts.candidates("一丁☃", 2)).toEqual([2, 3]);
    expect(counts.candidates("一丁☃", 3)).toEqual([0, 1, 2, 3]);
  });

  it("holds as many phrases as it was made for", () => {
    const counts = new CharCounts(1);
    counts.add("globex");
    expect(() => counts.add("initech")).toThrow(RangeError);
  });
});
