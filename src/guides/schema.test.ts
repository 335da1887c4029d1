import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { showValue, slugify, strictIsoDate, validateFrontmatter } from "./schema.ts";
import { guideText } from "./test-fixtures.ts";

describe("schema helpers", () => {
  it("slugifies region names", () => {
    expect(slugify("San Francisco")).toBe("san-francisco");
    expect(slugify(" São Paulo ")).toBe("sao-paulo");
    expect(slugify("New York (NYC)")).toBe("new-york-nyc");
  });

  it("accepts only real dates", () => {
    expect(strictIsoDate("2026-02-28")).toBe("2026-02-28");
    expect(strictIsoDate("2024-02-29")).toBe("2024-02-29");
    expect(strictIsoDate("2026-02-30")).toBeNull();
    expect(strictIsoDate("2026-13-01")).toBeNull();
    expect(strictIsoDate("26-02-01")).toBeNull();
  });

  it("shows found values as short JSON", () => {
    expect(showValue(undefined)).toBe("nothing");
    expect(showValue("abc")).toBe('"abc"');
    expect(showValue(-5)).toBe("-5");
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    expect(showValue("y".repeat(100))).toHaveLength(60);
  });
});

describe("validateFrontmatter", () => {
  const parsed = () => matter(guideText(), {});

  it("normalises YAML dates (Date objects) to YYYY-MM-DD", () => {
    const { data, matter: raw } = parsed();
    expect(data.last_updated).toBeInstanceOf(Date);
    const r = validateFrontmatter(data, "f.md", raw);
    expect(r.ok && r.guide.lastUpdated).toBe("2026-01-10");
    // Without the raw text a Date is still accepted.
    const r2 = validateFrontmatter(data, "f.md");
    expect(r2.ok && r2.guide.nextReviewDue).toBe("2026-04-10");
  });

  it("judges a date as written, not as js-yaml rolled it over", () => {
    const file = matter(
      guideText().replace("last_updated: 2026-01-10", "last_updated: 2026-02-30  # typo"),
      {},
    );
    const r = validateFrontmatter(file.data, "f.md", file.matter);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      {
        severity: "error",
        code: "schema",
        file: "f.md",
        path: "last_updated",
        message: 'expected a real date written YYYY-MM-DD, found "2026-02-30"',
      },
    ]);
  });

  it("rejects infinite numbers", () => {
    const file = matter(guideText().replace("base_high: 100000", "base_high: .inf"), {});
    const r = validateFrontmatter(file.data, "f.md", file.matter);
    expect(!r.ok && r.problems.map((p) => p.path)).toEqual(["compensation.0.base_high"]);
  });

  it("a compensation entry that is not a mapping gets a plain message, not zod's", () => {
    const file = matter(guideText().replace(/compensation:\n/, "compensation:\n  - null\n"), {});
    const r = validateFrontmatter(file.data, "f.md", file.matter);
    expect(!r.ok && r.problems.map((p) => [p.path, p.message])).toEqual([
      [
        "compensation.0",
        "expected a compensation entry: a mapping with region, base_low, base_high, … currency, found null",
      ],
    ]);
  });
});
