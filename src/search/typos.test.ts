import { describe, expect, it } from "vitest";
import { phraseKey, slugify, words } from "../text/normalize.ts";
import { allowedEdits, editDistance, TypoDictionary } from "./typos.ts";

describe("normalize", () => {
  it("splits names into folded words", () => {
    expect(words("ML/AI Engineer")).toEqual(["ml", "ai", "engineer"]);
    expect(words("ml-ai-engineer")).toEqual(["ml", "ai", "engineer"]);
    expect(words("São Paulo's")).toEqual(["sao", "paulo"]);
    expect(phraseKey("  San   Francisco? ")).toBe("san francisco");
    expect(slugify("New York")).toBe("new-york");
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one edit", () => {
    expect(editDistance("segment", "segmnt")).toBe(1);
    expect(editDistance("segment", "segmetn")).toBe(1);
    expect(editDistance("segment", "sigment")).toBe(1);
    expect(editDistance("segment", "segmentt")).toBe(1);
    expect(editDistance("london", "paris")).toBe(6);
    expect(editDistance("abc", "abc")).toBe(0);
  });
});

describe("TypoDictionary", () => {
  // Built inside each test, so that the mutation run sees which test covers the dictionary's code.
  const dictionary = () => {
    const dict = new TypoDictionary<string>();
    for (const t of ["segment", "london", "new york", "sf", "ml engineer"]) dict.add(t, t.toUpperCase());
    return dict;
  };

  it("finds terms through one or two typos, closest first", () => {
    const dict = dictionary();
    expect(dict.lookup("segmnt")[0]).toMatchObject({ value: "SEGMENT", distance: 1 });
    expect(dict.lookup("sgemnt")[0]).toMatchObject({ value: "SEGMENT" });
    expect(dict.lookup("londn")[0]).toMatchObject({ value: "LONDON", distance: 1 });
    expect(dict.lookup("new yrok")[0]).toMatchObject({ value: "NEW YORK", distance: 1 });
    expect(dict.lookup("ml enginer")[0]).toMatchObject({ value: "ML ENGINEER" });
  });

  it("prepare() sorts in what was added, once; look-ups then find the same terms", () => {
    const cold = dictionary();
    const dict = dictionary();
    expect(dict.unsorted).toBeGreaterThan(0);
    dict.prepare();
    expect(dict.unsorted).toBe(0);
    for (const typo of ["segmnt", "londn", "new yrok", "ml enginer", "sx"]) {
      expect(dict.lookup(typo)).toEqual(cold.lookup(typo));
    }
    // A term added after it is pending again, and found.
    dict.add("berlin", "BERLIN");
    expect(dict.unsorted).toBeGreaterThan(0);
    expect(dict.lookup("berln")[0]).toMatchObject({ value: "BERLIN", distance: 1 });
    expect(dict.unsorted).toBe(0);
  });

  /** A dictionary of `n` made-up terms of 6-12 letters (thousands of postings: several buckets of 1,024). */
  const many = (n: number) => {
    const dict = new TypoDictionary<number>();
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    const terms: string[] = [];
    for (let i = 0; i < n; i++) {
      let term = "";
      const length = 6 + (next() % 7);
      for (let c = 0; c < length; c++) term += String.fromCharCode(97 + (next() % 26));
      terms.push(term);
      dict.add(term, i);
    }
    return { dict, terms };
  };
  /** Each term with its second letter dropped and its first two swapped: one and two edits away. */
  const typosOf = (terms: string[]) => terms.flatMap((t) => [t[0] + t.slice(2), t[1]! + t[0] + t.slice(2)]);

  it("prepareSteps() sorts in what was added over many steps, and look-ups find what prepare() finds", () => {
    const { dict: stepped, terms } = many(2_000);
    const { dict: whole } = many(2_000);
    whole.prepare();
    let steps = 0;
    for (const _ of stepped.prepareSteps()) steps++;
    expect(stepped.unsorted).toBe(0);
    // 2,000 terms of 6-12 letters have over 50,000 postings: counted, spread, sorted and scanned 1,024 at a time.
    expect(steps).toBeGreaterThan(100);
    for (const typo of typosOf(terms.slice(0, 300))) expect(stepped.lookup(typo)).toEqual(whole.lookup(typo));
    // Nothing pending: no steps.
    expect([...stepped.prepareSteps()]).toHaveLength(0);
  });

  it("prepareSteps() leaves a term added meanwhile pending, and drops its work after a look-up sorted everything", () => {
    const { dict, terms } = many(600);
    const steps = dict.prepareSteps();
    steps.next();
    dict.add("zanzibar", -1);
    for (let s = steps.next(); !s.done; s = steps.next());
    expect(dict.unsorted).toBeGreaterThan(0);
    expect(dict.lookup("zanzbar")[0]).toMatchObject({ value: -1, distance: 1 });
    for (const typo of typosOf(terms.slice(0, 100))) expect(dict.lookup(typo).length).toBeGreaterThan(0);

    const { dict: other, terms: otherTerms } = many(600);
    const { dict: whole } = many(600);
    const late = other.prepareSteps();
    late.next();
    // A look-up sorts everything itself; the steps' result, when they end, is not put in its place.
    expect(other.lookup("zzzzzzz")).toEqual([]);
    other.add("zanzibar", -1);
    whole.add("zanzibar", -1);
    for (let s = late.next(); !s.done; s = late.next());
    expect(other.unsorted).toBeGreaterThan(0);
    for (const typo of [...typosOf(otherTerms.slice(0, 100)), "zanzbar"])
      expect(other.lookup(typo)).toEqual(whole.lookup(typo));
  });

  it("never stretches short words or unrelated ones", () => {
    const dict = dictionary();
    expect(dict.lookup("sx")).toEqual([]);
    expect(dict.lookup("acme")).toEqual([]);
    expect(dict.lookup("paris")).toEqual([]);
    expect(dict.lookup("widget")).toEqual([]);
    expect(allowedEdits(3)).toBe(0);
  });

  it("keeps every term that shares a delete, in the order added, and each term once", () => {
    const dict = new TypoDictionary<string>();
    // "berli" is one delete away from each of the three; "berlin" is added twice, with a second value.
    for (const t of ["berlin", "berlim", "berlix", "berlin"]) dict.add(t, t.toUpperCase());
    dict.add("berlin", "Berlin, DE");
    expect(dict.lookup("berli")).toEqual([
      { term: "berlim", value: "BERLIM", distance: 1 },
      { term: "berlin", value: "BERLIN", distance: 1 },
      { term: "berlin", value: "Berlin, DE", distance: 1 },
      { term: "berlix", value: "BERLIX", distance: 1 },
    ]);
    expect(dict.lookup("berlix")).toEqual([
      { term: "berlix", value: "BERLIX", distance: 0 },
      { term: "berlim", value: "BERLIM", distance: 1 },
      { term: "berlin", value: "BERLIN", distance: 1 },
      { term: "berlin", value: "Berlin, DE", distance: 1 },
    ]);
  });
});
