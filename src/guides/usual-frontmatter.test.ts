import os from "node:os";
import { describe, expect, it } from "vitest";
import { mulberry32, planCorpus } from "../../bench/generate.ts";
import { splitGuideFast } from "./fast-split.ts";
import { repairMojibake } from "./repair.ts";
import {
  restoreDateStrings,
  type ValidationResult,
  validateFrontmatter,
  validateWithSchema,
} from "./schema.ts";
import { seedText } from "./test-fixtures.ts";
import { usualFrontmatter } from "./usual-frontmatter.ts";

type Fields = Record<string, unknown>;

/** The frontmatter of a guide text as validateFrontmatter sees it (its dates as written). */
function inputOf(text: string): Fields {
  const split = splitGuideFast(repairMojibake(text).text);
  return restoreDateStrings(split.data as Fields, split.matter);
}

/**
 * validateFrontmatter (the usual walk first) gives what the schema alone gives, to the prototype and to the
 * order of the unknown fields. Says whether the walk took the frontmatter.
 */
function expectSameAsSchema(input: unknown, label = ""): boolean {
  const taken = usualFrontmatter(input) !== undefined;
  const schema: ValidationResult = validateWithSchema(input, "g.md");
  const result = validateFrontmatter(input, "g.md");
  expect(result, label).toStrictEqual(schema);
  if (result.ok && schema.ok)
    expect(Object.keys(result.guide.extra), label).toEqual(Object.keys(schema.guide.extra));
  if (taken) expect(schema.ok, label).toBe(true);
  return taken;
}

const seed = (): Fields => inputOf(seedText());
const bands = (fm: Fields) => fm.compensation as Fields[];

describe("usualFrontmatter", () => {
  it("takes the seed guide, and gives the schema's guide for it", () => {
    expect(expectSameAsSchema(seed())).toBe(true);
    const result = validateFrontmatter(seed(), "g.md");
    expect(result.ok && result.guide.id).toBe("segment/ml-ai-engineer");
    expect(result.ok && result.guide.lastUpdated).toBe("2026-02-23");
  });

  it("takes every guide of a generated catalogue that the schema accepts", () => {
    const { specs, texts } = planCorpus({ seed: 11, n: 400, dir: os.tmpdir(), broken: 0.1, mojibake: 0.1 });
    let accepted = 0;
    let taken = 0;
    for (const spec of specs) {
      let input: Fields;
      try {
        input = inputOf(texts(spec));
      } catch {
        continue; // YAML that does not parse never reaches the schema
      }
      if (validateWithSchema(input, "g.md").ok) accepted++;
      if (expectSameAsSchema(input, spec.file)) taken++;
    }
    expect(accepted).toBeGreaterThan(300);
    expect(taken).toBe(accepted);
  });

  // Each a frontmatter with one change from the seed; whether it stays the usual case is written from the rules.
  const edits: Array<[string, (fm: Fields) => void, boolean]> = [
    ["display names with spaces around", (fm) => (fm.company_display = "  Segment  "), true],
    ["a date as a Date", (fm) => (fm.last_updated = new Date(Date.UTC(2026, 1, 23))), true],
    ["an unknown field", (fm) => (fm.notes = "x"), true],
    ["no internal level", (fm) => delete (fm.level_mapping as Fields).internal, true],
    ["a null internal level", (fm) => ((fm.level_mapping as Fields).internal = null), true],
    ["an unknown field in a band", (fm) => (bands(fm)[0]!.notes = 1), true],
    ["a bonus as {low, high}", (fm) => (bands(fm)[0]!.bonus_pct = { low: 5, high: 10 }), true],
    ["a bonus of 0", (fm) => (bands(fm)[0]!.bonus_pct = 0), true],
    ["no data sources", (fm) => (fm.data_sources = []), true],
    ["a stock of 0", (fm) => (bands(fm)[0]!.stock_low = 0), true],
    ["an empty display name", (fm) => (fm.role_display = "   "), false],
    ["a slug with capitals", (fm) => (fm.company = "Segment"), false],
    ["a quarter Q5", (fm) => (fm.salary_data_quarter = "2025-Q5"), false],
    ["30 February", (fm) => (fm.next_review_due = "2026-02-30"), false],
    ["an invalid Date", (fm) => (fm.next_review_due = new Date(Number.NaN)), false],
    ["a date as a number", (fm) => (fm.last_updated = 20260223), false],
    ["a base of 0", (fm) => (bands(fm)[0]!.base_low = 0), false],
    ["an infinite total", (fm) => (bands(fm)[0]!.total_comp_high = Number.POSITIVE_INFINITY), false],
    ["a negative stock", (fm) => (bands(fm)[0]!.stock_low = -1), false],
    ["a base as a text", (fm) => (bands(fm)[0]!.base_low = "150000"), false],
    ["base low above high", (fm) => (bands(fm)[0]!.base_low = 10_000_000), false],
    ["a bonus from high to low", (fm) => (bands(fm)[0]!.bonus_pct = "15-10"), false],
    ["a negative bonus", (fm) => (bands(fm)[0]!.bonus_pct = -5), false],
    ["an infinite bonus", (fm) => (bands(fm)[0]!.bonus_pct = Number.POSITIVE_INFINITY), false],
    [
      "a bonus {low, high} with an infinite high",
      (fm) => (bands(fm)[0]!.bonus_pct = { low: 1, high: Number.POSITIVE_INFINITY }),
      false,
    ],
    ["a currency in a list", (fm) => (bands(fm)[0]!.currency = ["USD"]), false],
    ["a lower-case currency", (fm) => (bands(fm)[0]!.currency = "usd"), false],
    ["an unknown currency", (fm) => (bands(fm)[0]!.currency = "ZZZ"), false],
    ["a region without letters or digits", (fm) => (bands(fm)[0]!.region = "!!"), false],
    [
      "a region twice",
      (fm) => (bands(fm)[1]!.region = ` ${String(bands(fm)[0]!.region).toUpperCase()}`),
      false,
    ],
    ["no bands", (fm) => (fm.compensation = []), false],
    ["a band that is a text", (fm) => (fm.compensation = ["London"]), false],
    ["a missing field", (fm) => delete fm.negotiation_dna_summary, false],
    ["a source that is a number", (fm) => (fm.data_sources = [1]), false],
    ["a raw level mapping that is null", (fm) => ((fm.level_mapping as Fields).raw = null), false],
    ["an internal level that is a number", (fm) => ((fm.level_mapping as Fields).internal = 5), false],
    [
      "a __proto__ field of its own",
      (fm) => Object.defineProperty(fm, "__proto__", { value: {}, enumerable: true }),
      false,
    ],
  ];
  for (const [name, edit, usual] of edits) {
    it(`${usual ? "takes" : "leaves to zod"}: ${name}`, () => {
      const fm = seed();
      edit(fm);
      expect(expectSameAsSchema(fm, name)).toBe(usual);
    });
  }

  it("refuses, by the schema's rules, a bonus below 0 or not finite", () => {
    for (const bonus of [-5, Number.POSITIVE_INFINITY, { low: 1, high: Number.POSITIVE_INFINITY }, "-5"]) {
      const fm = seed();
      bands(fm)[0]!.bonus_pct = bonus;
      const result = validateFrontmatter(fm, "g.md");
      expect(result.ok, String(bonus)).toBe(false);
      expect(!result.ok && result.problems.map((p) => p.path)).toEqual(["compensation.0.bonus_pct"]);
    }
  });

  it("gives the schema's result, or leaves it to zod, on thousands of random edits of the seed's values", () => {
    const random = mulberry32(20261204);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const values = (): unknown[] => [
      ...["", "   ", " London ", "london", "x", "segment", "Seg ment", "-", "!!", "2025-Q4", "2025-Q5"],
      ...["2026-02-28", " 2026-02-28 ", "2026-02-30", "10-15", "15-10", "7.5 %", "10 to 20", "10—12%"],
      ...["USD", "usd", "GBP", "ZZZ", "EU", "150000", 0, -0, -1, 1, 2.5, 150_000, 1e12],
      ...[Number.POSITIVE_INFINITY, Number.NaN, null, true, false, [], ["a"], [" a "], {}],
      ...[
        { low: 1, high: 2 },
        { low: 2, high: 1 },
        { low: -1, high: 2 },
        { low: "1", high: 2 },
      ],
      ...[new Date(Date.UTC(2026, 1, 23)), new Date(Number.NaN)],
    ];
    /** Every (container, key) pair of the tree, the tree's root excluded. */
    const places = (node: unknown, out: Array<[Fields | unknown[], string | number]> = []) => {
      if (Array.isArray(node))
        node.forEach((v, i) => {
          out.push([node, i]);
          places(v, out);
        });
      else if (node !== null && typeof node === "object" && !(node instanceof Date))
        for (const [k, v] of Object.entries(node)) {
          out.push([node as Fields, k]);
          places(v, out);
        }
      return out;
    };
    const keys = [
      "company",
      "region",
      "base_low",
      "stock_high",
      "bonus_pct",
      "currency",
      "raw",
      "internal",
      "extra",
    ];
    let taken = 0;
    let left = 0;
    for (let round = 0; round < 3000; round++) {
      const fm = seed();
      const edits = Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const [node, key] = pick(places(fm));
        const kind = random();
        const target = node as Record<string | number, unknown>;
        if (kind < 0.6) target[key] = pick(values());
        else if (kind < 0.7 && Array.isArray(node)) node.splice(key as number, 1);
        else if (kind < 0.75 && Array.isArray(node)) node.push(structuredClone(node[key as number]));
        else if (kind < 0.8 && !Array.isArray(node)) delete target[key];
        else if (kind < 0.9 && !Array.isArray(node)) target[pick(keys)] = pick(values());
        else if (typeof target[key] === "string")
          target[key] = pick([" ", ""]) + target[key] + pick([" ", ""]);
        else if (typeof target[key] === "number") target[key] = -(target[key] as number);
      }
      if (expectSameAsSchema(fm, `round ${round}`)) taken++;
      else left++;
    }
    // Both ways are exercised: many edits keep a value usual (or change nothing), many do not.
    expect(taken).toBeGreaterThan(600);
    expect(left).toBeGreaterThan(600);
  });
});
