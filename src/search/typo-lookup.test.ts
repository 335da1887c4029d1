/**
 * The typo dictionary behind "did you type X?" for names (src/search/typos.ts): which typos reach which
 * names, how far apart they are, and in what order they come back. Every dictionary is built inside its test.
 */
import { describe, expect, it } from "vitest";
import { allowedEdits, editDistance, hashWithout, TypoDictionary } from "./typos.ts";

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

describe("editDistance against the textbook table", () => {
  /** Optimal string alignment, the whole table, no limit: the definition, written plainly. */
  function reference(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
    }
    return d[a.length]![b.length]!;
  }

  it("agrees on random pairs of short and long words, with and without a limit, in any order of calls", () => {
    let state = 11;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    // Few letters, so that words share many and swaps occur; lengths up to 150 after short ones (the
    // function reuses its rows from call to call, and must grow them).
    const word = () =>
      Array.from({ length: Math.floor(next() ** 3 * 150) }, () => "abcd"[Math.floor(next() * 4)]).join("");
    let checked = 0;
    for (let i = 0; i < 3000; i++) {
      const a = word();
      const b = next() < 0.5 ? word() : a.slice(0, Math.floor(next() * a.length)) + word().slice(0, 3);
      const want = reference(a, b);
      expect(editDistance(a, b), `${a} / ${b}`).toBe(want);
      const limit = Math.floor(next() * 4);
      // Within the limit, the distance; past it, some number above the limit (it may stop early).
      const got = editDistance(a, b, limit);
      if (want <= limit) expect(got, `${a} / ${b} limit ${limit}`).toBe(want);
      else expect(got, `${a} / ${b} limit ${limit}`).toBeGreaterThan(limit);
      checked += want > 0 && want <= 3 ? 1 : 0;
    }
    // Not vacuous: many pairs are a few edits apart, where the limit and the swaps matter.
    expect(checked).toBeGreaterThan(300);
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

describe("TypoDictionary at scale", () => {
  /** Names like a catalogue's: a few syllables, sometimes two words. */
  function names(count: number, seed: number): string[] {
    let state = seed;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const syllables = [
      "al",
      "ver",
      "tex",
      "on",
      "ia",
      "ma",
      "ro",
      "ka",
      "li",
      "sen",
      "tra",
      "qu",
      "zo",
      "bel",
    ];
    const out = new Set<string>();
    while (out.size < count) {
      const word = () =>
        Array.from(
          { length: 1 + Math.floor(next() * 4) },
          () => syllables[Math.floor(next() * syllables.length)],
        ).join("");
      out.add(next() < 0.3 ? `${word()} ${word()}` : word());
    }
    return [...out];
  }

  it("finds exactly the terms within the edits allowed (every term checked by brute force), in order", () => {
    const terms = names(1000, 7);
    const dict = new TypoDictionary<number>();
    for (const [i, term] of terms.entries()) dict.add(term, i);
    // Typed: the terms themselves, each with one or two letters dropped, doubled or swapped, and junk.
    const inputs = terms
      .slice(0, 200)
      .flatMap((t) => [
        t,
        t.slice(1),
        `${t.slice(0, 2)}${t.slice(3)}`,
        `${t}${t.at(-1)}`,
        `${t[1] ?? ""}${t[0]}${t.slice(2)}`,
        `x${t.slice(2)}`,
      ]);
    inputs.push("zzzzzz", "qqq", "a", "");
    let found = 0;
    for (const input of inputs) {
      const limit = allowedEdits(input.length + 1);
      const want = terms
        .map((term, value) => {
          const termLimit = Math.min(limit, allowedEdits(term.length));
          return { term, value, distance: editDistance(input, term, termLimit), termLimit };
        })
        .filter((h) => h.distance <= h.termLimit)
        .map(({ term, value, distance }) => ({ term, value, distance }))
        .sort((x, y) => x.distance - y.distance || x.term.localeCompare(y.term));
      expect(dict.lookup(input), input).toEqual(want);
      found += want.length;
    }
    // The check is not vacuous: most inputs reach at least one term.
    expect(found).toBeGreaterThan(inputs.length);
  });

  it("two variants with the same hash only add candidates: each term is still found only by its own typos", () => {
    // Two different words with the same 32-bit hash, found by trying words until two collide.
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const word = `w${i.toString(36)}`;
      const hash = hashWithout(word);
      const other = byHash.get(hash);
      if (other !== undefined && other !== word) pair = [other, word];
      else byHash.set(hash, word);
    }
    const [a, b] = pair;
    expect(hashWithout(a)).toBe(hashWithout(b));
    const dict = new TypoDictionary<string>();
    dict.add(a, "A");
    dict.add(b, "B");
    expect(dict.lookup(a)).toEqual([{ term: a, value: "A", distance: 0 }]);
    expect(dict.lookup(b)).toEqual([{ term: b, value: "B", distance: 0 }]);
  });

  it("hashes a word with letters left out as the word without them", () => {
    expect(hashWithout("segment", 3)).toBe(hashWithout("segent"));
    expect(hashWithout("segment", 0, 6)).toBe(hashWithout("egmen"));
    expect(hashWithout("segment")).not.toBe(hashWithout("segmnet"));
  });

  it("terms with repeated letters (the same variant many times over) are all found, exactly", () => {
    const terms = [
      "aaaaaa",
      "aaaaab",
      "aaaabb",
      "abbbbb",
      "bbbbbb",
      "aaaaaaa",
      "aabbaa",
      "baaaaa",
      "aaaa",
      "bbbb",
    ];
    const dict = new TypoDictionary<string>();
    for (const term of terms) dict.add(term, term);
    for (const input of ["aaaaa", "aaaaaa", "aaaabb", "bbbbb", "ababab", "aaaaaaaa", "abbbb", "aaab"]) {
      const limit = allowedEdits(input.length + 1);
      const want = terms
        .map((term) => ({ term, value: term, distance: editDistance(input, term, limit) }))
        .filter((h) => h.distance <= Math.min(limit, allowedEdits(h.term.length)))
        .sort((x, y) => x.distance - y.distance || x.term.localeCompare(y.term));
      expect(dict.lookup(input), input).toEqual(want);
    }
  });

  it("takes each term once, and every term, across the wrap of its look-up counter (after 2^32 look-ups)", () => {
    const dict = new TypoDictionary<string>();
    for (const term of ["aaaaaa", "aaaaab", "baaaaa", "aabbaa", "bbbbbb"]) dict.add(term, term);
    // "aaaaaa" reaches itself by its own hash and by each of its six one-letter deletes: a mark that no
    // longer works shows as repeated hits. "aabbaa" is two edits away, more than six letters allow.
    const a = [
      { term: "aaaaaa", value: "aaaaaa", distance: 0 },
      { term: "aaaaab", value: "aaaaab", distance: 1 },
      { term: "baaaaa", value: "baaaaa", distance: 1 },
    ];
    const b = [{ term: "bbbbbb", value: "bbbbbb", distance: 0 }];
    expect(dict.lookup("bbbbbb")).toEqual(b); // the first look-up: mark 1 left on "bbbbbb"
    // Four billion look-ups take days of a busy app: start the counter just below its last value instead.
    (dict as unknown as { mark: number }).mark = 0xffffffff - 3;
    for (let i = 0; i < 3; i++) expect(dict.lookup("aaaaaa"), `look-up ${i} before the wrap`).toEqual(a);
    // The first look-up after the wrap counts 1 again: the first look-up's mark must be gone.
    expect(dict.lookup("bbbbbb"), "first look-up after the wrap").toEqual(b);
    for (let i = 0; i < 3; i++) expect(dict.lookup("aaaaaa"), `look-up ${i} after the wrap`).toEqual(a);
  });

  it("a term added after a look-up is found by the next one", () => {
    const dict = new TypoDictionary<string>();
    dict.add("london", "L");
    expect(dict.lookup("londn")).toHaveLength(1);
    dict.add("londen", "L2");
    // Both one edit away: alphabetically.
    expect(dict.lookup("londn").map((h) => h.value)).toEqual(["L2", "L"]);
  });
});
