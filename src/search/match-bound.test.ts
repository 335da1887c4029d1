/**
 * MatchBound: the pattern's characters outside its longest common subsequence with a phrase never outnumber
 * the errors of its best fuzzy match there, so no phrase that could match is left out; phrases too far are.
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../../bench/generate.ts";
import { MatchBound } from "./match-bound.ts";

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

describe("MatchBound", () => {
  it("reads phrases and patterns in lower case, as fuse.js does", () => {
    const bound = new MatchBound(2);
    bound.add("ÉCOLE Globex");
    bound.add("initech");
    expect(bound.candidates("école globex", 0)).toEqual([0]);
    expect(bound.candidates("ÉCOLE GLOBEX", 0)).toEqual([0]);
    expect(bound.candidates("INITECH", 0)).toEqual([1]);
  });

  it("leaves out a phrase too far from the pattern for the errors allowed", () => {
    const bound = new MatchBound(3);
    for (const phrase of ["arlar works", "quillon bench works", "Quillon Benchworks"]) bound.add(phrase);
    expect(bound.size).toBe(3);
    // "arlar works" has "l works" in common with the pattern, in order: 7 of its 19 characters, 12 left.
    expect(bound.candidates("quillon bench works", 11)).toEqual([1, 2]);
    expect(bound.candidates("quillon bench works", 12)).toEqual([0, 1, 2]);
    // Upper case counts as lower case (as fuse.js reads both); the run-together name lacks only a space.
    expect(bound.candidates("quillon bench works", 0)).toEqual([1]);
    expect(bound.candidates("quillon bench works", 1)).toEqual([1, 2]);
    // "globex" has "lo" in common with "arlar works" and "lobe" with the others: g and x are in no phrase.
    expect(bound.candidates("globex", 1)).toEqual([]);
    expect(bound.candidates("globex", 2)).toEqual([1, 2]);
    expect(bound.candidates("globex", 3)).toEqual([1, 2]);
    expect(bound.candidates("globex", 4)).toEqual([0, 1, 2]);
    // Order counts: "hcneb" has the letters of "bench", and only "ne" in common with it in that order.
    expect(bound.candidates("hcneb", 2)).toEqual([]);
    expect(bound.candidates("hcneb", 3)).toEqual([1, 2]);
  });

  it("never leaves out a phrase the pattern matches within the errors (random phrases and patterns)", () => {
    const rng = new Rng(42);
    const letters = "abcde fgé";
    const word = (n: number) => Array.from({ length: n }, () => rng.pick([...letters])).join("");
    const phrases = Array.from({ length: 300 }, () => word(rng.int(1, 12)));
    const bound = new MatchBound(phrases.length);
    for (const phrase of phrases) bound.add(phrase);
    let leftOut = 0;
    let kept = 0;
    for (let p = 0; p < 60; p++) {
      const pattern = word(rng.int(1, 10));
      const fewest = phrases.map((phrase) => fewestErrors(pattern, phrase));
      for (let errors = 0; errors <= 4; errors++) {
        const found = new Set(bound.candidates(pattern, errors));
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

  it("stays a lower bound past 63 distinct characters (they share a code); keeps every phrase past 32", () => {
    const many = Array.from({ length: 120 }, (_, i) => String.fromCharCode(0x4e00 + i)).join("");
    // The first 63 of `many`'s characters get a code each; its other 57, and a, b and c, share the last one.
    const phrases = [many, many.slice(60), "abc"];
    const bound = new MatchBound(phrases.length);
    for (const phrase of phrases) bound.add(phrase);
    const rng = new Rng(7);
    for (let p = 0; p < 200; p++) {
      const source = rng.pick(phrases.slice(0, 2));
      const at = rng.int(0, source.length - 9);
      // A piece of a phrase with one character changed.
      const piece = source.slice(at, at + 8);
      const pattern = `${piece.slice(0, 3)}z${piece.slice(4)}`;
      const found = new Set(bound.candidates(pattern.toUpperCase(), 1));
      phrases.forEach((phrase, i) => {
        if (fewestErrors(pattern, phrase) <= 1) expect(found.has(i), `${pattern} in phrase ${i}`).toBe(true);
      });
    }
    // 一 and 丁 have codes of their own; ☃ (in no phrase) shares the last, which then stands for any
    // character with that code: weaker, still a lower bound.
    expect(bound.candidates("一丁", 0)).toEqual([0]);
    expect(bound.candidates("一丁", 1)).toEqual([0]);
    expect(bound.candidates("一丁☃", 0)).toEqual([0]);
    expect(bound.candidates("一丁☃", 1)).toEqual([0]);
    expect(bound.candidates("一丁☃", 2)).toEqual([0, 1, 2]);
    // 32 characters are bounded, 33 are not.
    expect(bound.candidates("一".repeat(32), 30)).toEqual([]);
    expect(bound.candidates("一".repeat(32), 31)).toEqual([0]);
    expect(bound.candidates("一".repeat(33), 0)).toEqual([0, 1, 2]);
  });

  it("holds as many phrases as it was made for", () => {
    const bound = new MatchBound(1);
    bound.add("globex");
    expect(() => bound.add("initech")).toThrow(RangeError);
  });
});
