/**
 * Suggester: fuse.js over phrases, built at once or in slices with the same results; a reset during a build in
 * slices drops it, so that phrases added meanwhile are never missed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { Rng } from "../../bench/generate.ts";
import { REPO_ROOT } from "../guides/test-fixtures.ts";
import { Slice } from "../runtime/slices.ts";
import { FUSE_OPTIONS, maxErrors, Suggester, WARM_UP_SEARCHES, warmUpPatterns } from "./suggester.ts";

const require = createRequire(import.meta.url);

const NAMES = [
  "Globex",
  "Umbrella Corp",
  "Initech",
  "Hooli",
  "Acme Robotics",
  "Acme Rockets",
  "Vandelay",
  "Acme",
];

describe("Suggester", () => {
  it("built in slices, searches exactly as built at once", async () => {
    const docs = () => NAMES.map((phrase, i) => ({ phrase, value: i }));
    const whole = new Suggester(docs);
    const sliced = new Suggester(docs);
    let pauses = 0;
    await sliced.buildInSlices(
      new Slice(2, async () => {
        pauses++;
      }),
    );
    expect(pauses).toBe(4 + WARM_UP_SEARCHES); // 8 phrases, 2 a slice; then a turn before each warm-up search
    expect(sliced.built).toBe(true);
    for (const text of ["acme", "globx", "umbrela", "hooli", "zz", "vandely industries"]) {
      expect(sliced.search(text, 10)).toEqual(whole.search(text, 10));
    }
    expect(whole.search("globx", 10)[0]).toMatchObject({ phrase: "Globex", value: 0 });
    // At most `limit`, best first.
    expect(whole.search("acme", 10).length).toBeGreaterThan(2);
    expect(whole.search("acme", 2)).toEqual(whole.search("acme", 10).slice(0, 2));
  });

  it("a reset during a build in slices drops it: the next search sees the phrases added meanwhile", async () => {
    const phrases = ["Globex", "Initech"];
    const suggester = new Suggester(() => phrases.map((phrase) => ({ phrase, value: phrase })));
    const building = suggester.buildInSlices(
      new Slice(1, async () => {
        if (!phrases.includes("Hooli")) {
          phrases.push("Hooli");
          suggester.reset();
        }
      }),
    );
    await building;
    expect(suggester.built).toBe(false);
    expect(suggester.search("hooli", 5)[0]).toMatchObject({ phrase: "Hooli" });
  });
});

describe("Suggester's warm-up after a build in slices", () => {
  it("runs fuse.js searches that go the way a typo's does, each in a turn of its own, after the build", async () => {
    const FuseClass = require("fuse.js") as typeof import("fuse.js").default;
    const log: string[] = [];
    const search = FuseClass.prototype.search;
    const spy = vi.spyOn(FuseClass.prototype, "search").mockImplementation(function (this: unknown, ...args) {
      const results = search.apply(this, args);
      log.push(
        `search ${String(args[0])} -> ${results.map((r) => (r.item as { phrase: string }).phrase).join(",")}`,
      );
      return results;
    });
    // The slices' clock stands still: only the item limit ends a slice (a loaded machine would otherwise end
    // one at its time budget, and pause once more before the build is done).
    vi.useFakeTimers({ toFake: ["performance"] });
    try {
      const suggester = new Suggester(() => NAMES.map((phrase, i) => ({ phrase, value: i })));
      await suggester.buildInSlices(
        new Slice(100, async () => {
          log.push(suggester.built ? "pause (built)" : "pause");
        }),
      );
      // The first, middle and last phrase with the first letter changed, each found by its search.
      expect(log).toEqual([
        "pause (built)",
        "search qlobex -> Globex",
        "pause (built)",
        "search qooli -> Hooli",
        "pause (built)",
        "search qcme -> Acme,Acme Robotics,Acme Rockets", // equal scores keep the phrases' order
      ]);
      // Built at once (the first search of a start that had no time to warm up): no warm-up searches.
      log.length = 0;
      new Suggester(() => NAMES.map((phrase, i) => ({ phrase, value: i }))).build();
      expect(log).toEqual([]);
    } finally {
      spy.mockRestore();
      vi.useRealTimers();
    }
  });

  it("warm-up patterns: none from an empty list or phrases under 3 characters; a leading q becomes x", () => {
    expect(warmUpPatterns([])).toEqual([]);
    expect(warmUpPatterns([{ phrase: "ab" }])).toEqual([]);
    expect(warmUpPatterns([{ phrase: "qwerty" }])).toEqual(["xwerty", "xwerty", "xwerty"]);
    expect(warmUpPatterns([{ phrase: "x".repeat(40) }])[0]).toBe(`q${"x".repeat(31)}`);
  });
});

/** Phrases like a catalogue's: made-up names of one to three words, some with accents, digits or an "&". */
function madeUpPhrases(count: number): string[] {
  const rng = new Rng(2026);
  const syllables = [
    "qu",
    "il",
    "lon",
    "ben",
    "ch",
    "wor",
    "ks",
    "zé",
    "bu",
    "ar",
    "lar",
    "to",
    "nix",
    "ß",
    "42",
    "o",
  ];
  const word = () => Array.from({ length: rng.int(1, 3) }, () => rng.pick(syllables)).join("");
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: rng.int(1, 3) }, word);
    if (rng.chance(0.05)) words.splice(1, 0, "&");
    return rng.chance(0.2) ? words.join(" ").toUpperCase() : words.join(" ");
  });
}

describe("Suggester's results are fuse.js's over every phrase", () => {
  it("for phrases with typos, made-up words, long and short patterns", () => {
    const phrases = madeUpPhrases(1500);
    const docs = phrases.map((phrase, value) => ({ phrase, value }));
    const suggester = new Suggester(() => docs);
    const Fuse = require("fuse.js") as typeof import("fuse.js").default;
    const everything = new Fuse(docs, FUSE_OPTIONS);
    const rng = new Rng(9);
    const patterns = [
      "quillon bench works",
      "ZEBU",
      "zz",
      "ks",
      "o",
      "arlar nix & to",
      "x".repeat(40),
      " ",
      "",
    ];
    patterns.push(`${phrases[0]} ${phrases[1]} ${phrases[2]}`.slice(0, 40));
    for (let i = 0; i < 300; i++) {
      let pattern = rng.pick(phrases);
      for (let edits = rng.int(0, 4); edits > 0; edits--) {
        const at = rng.int(0, pattern.length - 1);
        const letter = rng.pick([..."abcdeklnoruz é"]);
        const kind = rng.float();
        if (kind < 0.33) pattern = pattern.slice(0, at) + pattern.slice(at + 1);
        else if (kind < 0.66) pattern = pattern.slice(0, at) + letter + pattern.slice(at + 1);
        else pattern = pattern.slice(0, at) + letter + pattern.slice(at);
      }
      patterns.push(pattern);
    }
    let found = 0;
    for (const pattern of patterns) {
      const limit = rng.int(1, 40);
      const expected = everything
        .search(pattern.slice(0, 32), { limit })
        // (A blank pattern: fuse.js lists the phrases without a score.)
        .map((r) => ({ phrase: r.item.phrase, value: r.item.value, score: r.score ?? 1 }));
      expect(suggester.search(pattern, limit), pattern).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(patterns.length * 5);
  });

  it("allows the errors fuse.js's threshold (0.45 of the pattern) allows", () => {
    expect(maxErrors("")).toBe(null);
    expect(maxErrors("  ")).toBe(null); // fuse.js lists every phrase for a blank pattern
    expect(maxErrors("a")).toBe(0);
    expect(maxErrors("ab")).toBe(0); // 1 of 2 is 0.5
    expect(maxErrors("abc")).toBe(1);
    expect(maxErrors("quillon bench works")).toBe(8); // 19 characters: 8.55
    expect(maxErrors("a".repeat(20))).toBe(9); // exactly 0.45
    expect(maxErrors("a".repeat(32))).toBe(14);
    expect(maxErrors("a".repeat(33))).toBe(null); // fuse.js would search it in chunks
    // fuse.js finds a 20-character pattern with 9 errors, not with 10.
    const Fuse = require("fuse.js") as typeof import("fuse.js").default;
    const fuse = new Fuse([{ phrase: "abcdefghijklmnopqrst" }], FUSE_OPTIONS);
    expect(fuse.search("abcdefghijkXXXXXXXXX")).toHaveLength(1);
    expect(fuse.search("abcdefghijXXXXXXXXXX")).toHaveLength(0);
  });
});

describe("fuse.js", () => {
  it("is loaded when the first searcher is built, not when the module is imported", () => {
    // A process of its own (this one may have loaded fuse.js for another test). fuse.js counts as loaded when
    // its CommonJS build is in require's cache, or when an ES import resolved to it (seen by a resolve hook,
    // which runs on the loader's thread and writes down what it resolves).
    const seen = path.join(mkdtempSync(path.join(tmpdir(), "compbot-fuse-")), "resolved.txt");
    const hooks = `import { appendFileSync } from "node:fs";
      export async function resolve(specifier, context, next) {
        const found = await next(specifier, context);
        appendFileSync(${JSON.stringify(seen)}, found.url + "\\n");
        return found;
      }`;
    const script = `
      import { createRequire, register } from "node:module";
      import { existsSync, readFileSync } from "node:fs";
      register("data:text/javascript," + encodeURIComponent(${JSON.stringify(hooks)}));
      const { Suggester } = await import("./src/search/suggester.ts");
      const require = createRequire(import.meta.url);
      const loaded = () =>
        Object.keys(require.cache).some((f) => f.includes("/node_modules/fuse.js/")) ||
        (existsSync(${JSON.stringify(seen)}) && readFileSync(${JSON.stringify(seen)}, "utf8").includes("/node_modules/fuse.js/"));
      const s = new Suggester(() => [{ phrase: "Globex", value: 1 }]);
      const before = loaded();
      const found = s.search("globx", 1).map((x) => x.phrase);
      console.log(JSON.stringify({ before, after: loaded(), found }));
    `;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: REPO_ROOT,
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual({ before: false, after: true, found: ["Globex"] });
    rmSync(path.dirname(seen), { recursive: true, force: true });
  });
});
