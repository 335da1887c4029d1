import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planCorpus } from "../../bench/generate.ts";
import { splitGuideFast } from "./fast-split.ts";
import { splitGuide } from "./frontmatter.ts";
import { seedText } from "./test-fixtures.ts";

function outcome(f: (text: string) => unknown, text: string): unknown {
  try {
    return { ok: f(text) };
  } catch (err) {
    return { error: String(err), name: err instanceof Error ? err.constructor.name : "?" };
  }
}

describe("splitGuideFast", () => {
  const seed = seedText();
  const { specs, texts } = planCorpus({ seed: 3, n: 300, dir: os.tmpdir(), broken: 0.1, mojibake: 0.1 });
  const cases: string[] = [
    seed,
    seed.replace(/\n/g, "\r\n"),
    `\ufeff${seed}`,
    "",
    "---",
    "---\n",
    "---\n---\n",
    "---\n\n---\nbody",
    "---\n# only a comment\n---\nbody",
    "---\n  # indented comment\n\n---\r\nbody",
    "---yaml\ncompany: x\n---\nbody",
    "---js\n{}\n---\n",
    "----\nx: 1\n---\n",
    "---\nx: 1\n",
    "---\nx: [1, 2\n---\n",
    "---\n- a\n---\n",
    "---\nplain text\n---\n\n\nbody",
    "---\nx: 2026-02-30\n---\n",
    "---\nx: 1\n---more\nbody",
    "no frontmatter at all",
    ...specs.map(texts),
  ];
  it("gives what splitGuide gives (data, matter, content, errors)", () => {
    for (const text of cases) expect(outcome(splitGuideFast, text)).toEqual(outcome(splitGuide, text));
  });
  it("also on the guides in the repository", () => {
    const dir = path.join(path.dirname(new URL(import.meta.url).pathname), "../../guides");
    for (const company of readdirSync(dir))
      for (const file of readdirSync(path.join(dir, company))) {
        const text = readFileSync(path.join(dir, company, file), "utf8");
        expect(outcome(splitGuideFast, text)).toEqual(outcome(splitGuide, text));
      }
  });
});

describe("the bench generator", () => {
  it("is deterministic: same seed, same files and queries; another seed, others", () => {
    const a = planCorpus({ seed: 5, n: 50, dir: "x" });
    const b = planCorpus({ seed: 5, n: 50, dir: "x" });
    const c = planCorpus({ seed: 6, n: 50, dir: "x" });
    expect(a.specs.map((s) => [s.file, a.texts(s)])).toEqual(b.specs.map((s) => [s.file, b.texts(s)]));
    expect(a.queries).toEqual(b.queries);
    expect(a.specs.map((s) => a.texts(s))).not.toEqual(c.specs.map((s) => c.texts(s)));
    expect(a.queries.filter((q) => q.expect !== null).length).toBeGreaterThanOrEqual(500);
    expect(a.queries.filter((q) => q.expect === null).length).toBeGreaterThanOrEqual(200);
  });
});
