/**
 * The frontmatter rules one by one: what each field accepts, the exact message a guide author reads when a
 * value is wrong (expected …, found …), and how a valid frontmatter maps to the Guide model.
 */
import { describe, expect, it } from "vitest";
import { restoreDateStrings, showValue, strictIsoDate, validateFrontmatter } from "./schema.ts";

/** A valid frontmatter as js-yaml would give it (dates as text here; Date objects are tested apart). */
function frontmatter(): Record<string, unknown> {
  return {
    company: "acme",
    company_display: "Acme",
    role: "backend-engineer",
    role_display: "Backend Engineer",
    role_type: "standard",
    last_updated: "2026-01-10",
    data_quality: "medium",
    salary_data_quarter: "2025-Q4",
    next_review_due: "2026-04-10",
    compensation: [band()],
    level_mapping: { internal: "Senior", raw: "Acme Senior = Google L5 = Meta E5" },
    data_sources: ["Levels.fyi"],
    negotiation_dna_summary: "Cash-heavy | Stable",
  };
}

function band(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    region: "Berlin",
    base_low: 80000,
    base_high: 100000,
    stock_low: 10000,
    stock_high: 20000,
    bonus_pct: "10-15",
    total_comp_low: 92000,
    total_comp_high: 124000,
    currency: "EUR",
    ...over,
  };
}

/** The problems (path and message) of a frontmatter with one band changed. */
function bandProblems(over: Record<string, unknown>): Array<[string, string]> {
  const fm = frontmatter();
  fm.compensation = [band(over)];
  return problemsOf(fm);
}

function problemsOf(data: unknown): Array<[string, string]> {
  const r = validateFrontmatter(data, "g.md");
  if (r.ok) return [];
  for (const p of r.problems) {
    expect(p).toMatchObject({ severity: "error", code: "schema", file: "g.md" });
  }
  return r.problems.map((p) => [p.path, p.message]);
}

function bonusOf(value: unknown) {
  const fm = frontmatter();
  fm.compensation = [band({ bonus_pct: value })];
  const r = validateFrontmatter(fm, "g.md");
  return r.ok ? r.guide.bands[0]!.bonusPct : null;
}

describe("bonus_pct", () => {
  it("takes a number, a range text in several spellings, or {low, high}", () => {
    expect(bonusOf(10)).toEqual({ low: 10, high: 10 });
    expect(bonusOf(0)).toEqual({ low: 0, high: 0 });
    expect(bonusOf("10-15")).toEqual({ low: 10, high: 15 });
    expect(bonusOf("10–15%")).toEqual({ low: 10, high: 15 });
    expect(bonusOf("10%—15%")).toEqual({ low: 10, high: 15 });
    expect(bonusOf(" 10 to 15 % ")).toEqual({ low: 10, high: 15 });
    expect(bonusOf("10 TO 15")).toEqual({ low: 10, high: 15 });
    expect(bonusOf("12.5%")).toEqual({ low: 12.5, high: 12.5 });
    expect(bonusOf("7.5-12.5")).toEqual({ low: 7.5, high: 12.5 });
    expect(bonusOf({ low: 5, high: 8 })).toEqual({ low: 5, high: 8 });
    expect(bonusOf({ low: 5, high: 5 })).toEqual({ low: 5, high: 5 });
  });

  it("refuses anything else with the same hint", () => {
    const hint = 'expected a bonus percentage: a number (10), a range text ("10-15") or {low, high}';
    const cases: Array<[unknown, string]> = [
      [-1, "-1"],
      [Number.POSITIVE_INFINITY, "Infinity"],
      ["lots", '"lots"'],
      ["10-", '"10-"'],
      ["x10-15", '"x10-15"'],
      ["10-15x", '"10-15x"'],
      ["10 or 15", '"10 or 15"'],
      [{ low: 5 }, '{"low":5}'],
      [{ high: 5 }, '{"high":5}'],
      [{ low: -1, high: 5 }, '{"low":-1,"high":5}'],
      [{ low: 1, high: "5" }, '{"low":1,"high":"5"}'],
      [[5, 8], "[5,8]"],
      [null, "null"],
      [true, "true"],
    ];
    for (const [value, found] of cases) {
      expect(bandProblems({ bonus_pct: value }), String(value)).toEqual([
        ["compensation.0.bonus_pct", `${hint}, found ${found}`],
      ]);
    }
  });

  it("refuses a range that goes from high to low, naming both ends", () => {
    expect(bandProblems({ bonus_pct: "15-10" })).toEqual([
      [
        "compensation.0.bonus_pct",
        'expected the bonus range to go from low to high (15 is above 10), found "15-10"',
      ],
    ]);
    expect(bandProblems({ bonus_pct: { low: 9, high: 8 } })).toEqual([
      [
        "compensation.0.bonus_pct",
        'expected the bonus range to go from low to high (9 is above 8), found {"low":9,"high":8}',
      ],
    ]);
  });
});

describe("band fields", () => {
  it("base and total comp must be positive; stock may be 0", () => {
    expect(bandProblems({ base_low: 0 })).toEqual([
      ["compensation.0.base_low", "expected a positive number, found 0"],
    ]);
    expect(bandProblems({ total_comp_high: "lots" })).toEqual([
      ["compensation.0.total_comp_high", 'expected a positive number, found "lots"'],
    ]);
    expect(bandProblems({ stock_low: 0 })).toEqual([]);
    expect(bandProblems({ stock_low: -1 })).toEqual([
      ["compensation.0.stock_low", "expected a number of 0 or more, found -1"],
    ]);
    expect(bandProblems({ stock_high: "none" })).toEqual([
      ["compensation.0.stock_high", 'expected a number of 0 or more, found "none"'],
    ]);
  });

  it("each high is at least its low (equal is fine), for base, stock and total comp", () => {
    expect(bandProblems({ base_low: 100000, base_high: 100000 })).toEqual([]);
    expect(bandProblems({ base_low: 100001 })).toEqual([
      ["compensation.0.base_high", "expected base_high to be at least base_low (100001), found 100000"],
    ]);
    expect(bandProblems({ stock_low: 30000 })).toEqual([
      ["compensation.0.stock_high", "expected stock_high to be at least stock_low (30000), found 20000"],
    ]);
    expect(bandProblems({ total_comp_high: 90000 })).toEqual([
      [
        "compensation.0.total_comp_high",
        "expected total_comp_high to be at least total_comp_low (92000), found 90000",
      ],
    ]);
  });

  it("a figure written as text is a type error only, not also a low-above-high one", () => {
    expect(bandProblems({ base_low: "200000" })).toEqual([
      ["compensation.0.base_low", 'expected a positive number, found "200000"'],
    ]);
  });

  it("the region needs letters or digits", () => {
    expect(bandProblems({ region: "  " })).toEqual([
      [
        "compensation.0.region",
        'expected a region name such as "San Francisco", not an empty text, found "  "',
      ],
      ["compensation.0.region", 'expected a region name with letters or digits, found "  "'],
    ]);
    expect(bandProblems({ region: "!!!" })).toEqual([
      ["compensation.0.region", 'expected a region name with letters or digits, found "!!!"'],
    ]);
    expect(bandProblems({ region: 5 })).toEqual([
      ["compensation.0.region", 'expected a region name such as "San Francisco", found 5'],
    ]);
  });

  it("the currency is an upper-case ISO 4217 code", () => {
    const hint = 'expected an ISO 4217 currency code such as "USD" (upper case)';
    expect(bandProblems({ currency: "usd" })).toEqual([["compensation.0.currency", `${hint}, found "usd"`]]);
    expect(bandProblems({ currency: "ABC" })).toEqual([["compensation.0.currency", `${hint}, found "ABC"`]]);
    expect(bandProblems({ currency: "GBPX" })).toEqual([
      ["compensation.0.currency", `${hint}, found "GBPX"`],
    ]);
    expect(bandProblems({ currency: 840 })).toEqual([
      ["compensation.0.currency", 'expected an ISO 4217 currency code such as "USD", found 840'],
    ]);
    expect(bandProblems({ currency: "GBP" })).toEqual([]);
  });

  it("each region once per guide, compared by slug", () => {
    const fm = frontmatter();
    fm.compensation = [band(), band({ region: "London" }), band({ region: " berlin " })];
    expect(problemsOf(fm)).toEqual([
      [
        "compensation.2.region",
        'expected each region once per guide (already at compensation.0), found " berlin "',
      ],
    ]);
  });

  it("a compensation that is not a list is one problem; letterless regions are not taken for the same region", () => {
    const fm = frontmatter();
    fm.compensation = "Berlin";
    expect(problemsOf(fm)).toEqual([
      ["compensation", 'expected a list of regional compensation bands, found "Berlin"'],
    ]);
    fm.compensation = [band({ region: "!!" }), band({ region: "??" })];
    expect(problemsOf(fm)).toEqual([
      ["compensation.0.region", 'expected a region name with letters or digits, found "!!"'],
      ["compensation.1.region", 'expected a region name with letters or digits, found "??"'],
    ]);
  });

  it("cross-field rules are still reported when the band has other errors, and bad bands are skipped", () => {
    const fm = frontmatter();
    fm.compensation = [null, band({ base_low: 200000, currency: "eur" }), band({ region: "!!" })];
    expect(problemsOf(fm)).toEqual([
      [
        "compensation.0",
        "expected a compensation entry: a mapping with region, base_low, base_high, … currency, found null",
      ],
      [
        "compensation.1.currency",
        'expected an ISO 4217 currency code such as "USD" (upper case), found "eur"',
      ],
      ["compensation.2.region", 'expected a region name with letters or digits, found "!!"'],
      ["compensation.1.base_high", "expected base_high to be at least base_low (200000), found 100000"],
    ]);
  });
});

describe("top-level fields", () => {
  it("slugs, quarter, texts and lists say what they expect", () => {
    const fm = frontmatter();
    fm.company = "Acme";
    fm.role = "backend_engineer";
    fm.salary_data_quarter = "2025-Q5";
    fm.role_type = "";
    fm.data_sources = "Levels.fyi";
    fm.compensation = [];
    delete fm.negotiation_dna_summary;
    expect(problemsOf(fm)).toEqual([
      ["company", 'expected a lower-case-kebab slug such as "segment", found "Acme"'],
      ["role", 'expected a lower-case-kebab slug such as "ml-ai-engineer", found "backend_engineer"'],
      ["role_type", 'expected a role type such as "standard", not an empty text, found ""'],
      ["salary_data_quarter", 'expected a quarter such as "2025-Q4", found "2025-Q5"'],
      ["compensation", "expected at least one compensation entry, found []"],
      ["data_sources", 'expected a list of source names, found "Levels.fyi"'],
      ["negotiation_dna_summary", "expected a one-line negotiation DNA summary, found nothing"],
    ]);
  });

  it("the level mapping needs its raw text; internal may be null or left out", () => {
    const fm = frontmatter();
    fm.level_mapping = { internal: 5, raw: "x" };
    expect(problemsOf(fm)).toEqual([["level_mapping.internal", "expected a text or null, found 5"]]);
    fm.level_mapping = { internal: null };
    expect(problemsOf(fm)).toEqual([
      ["level_mapping.raw", 'expected the mapping text, e.g. "Segment ML = Google L5", found nothing'],
    ]);
    fm.level_mapping = "Google L5";
    expect(problemsOf(fm)).toEqual([
      ["level_mapping", 'expected a mapping with internal and raw, found "Google L5"'],
    ]);
  });

  it("a frontmatter that is not a mapping is one problem at the top", () => {
    expect(problemsOf(null)).toEqual([["", "expected a YAML mapping of fields, found null"]]);
    expect(problemsOf(["a"])).toEqual([["", 'expected a YAML mapping of fields, found ["a"]']]);
    expect(problemsOf("text")).toEqual([["", 'expected a YAML mapping of fields, found "text"']]);
  });

  it("dates: real calendar days as text or as a valid Date", () => {
    const fm = frontmatter();
    fm.last_updated = new Date("2026-01-10T00:00:00Z");
    fm.next_review_due = " 2026-04-10 ";
    const r = validateFrontmatter(fm, "g.md");
    expect(r.ok && [r.guide.lastUpdated, r.guide.nextReviewDue]).toEqual(["2026-01-10", "2026-04-10"]);

    const hint = "expected a real date written YYYY-MM-DD";
    fm.last_updated = new Date(Number.NaN);
    fm.next_review_due = 20260410;
    expect(problemsOf(fm)).toEqual([
      ["last_updated", `${hint}, found an invalid date`],
      ["next_review_due", `${hint}, found 20260410`],
    ]);
    fm.last_updated = "2026-1-10";
    fm.next_review_due = "10/04/2026";
    expect(problemsOf(fm)).toEqual([
      ["last_updated", `${hint}, found "2026-1-10"`],
      ["next_review_due", `${hint}, found "10/04/2026"`],
    ]);
  });
});

describe("mapping to the Guide model", () => {
  it("maps every field, with the band's region slug and the parsed level equivalences", () => {
    const fm = frontmatter();
    fm.compensation = [band({ region: "San Francisco", currency: "USD", bonus_pct: 12 })];
    fm.level_mapping = { raw: "Acme Senior = Google L5" };
    fm.team_size = 40;
    const r = validateFrontmatter(fm, "guides/acme/backend-engineer.md");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.guide).toEqual({
      id: "acme/backend-engineer",
      file: "guides/acme/backend-engineer.md",
      company: "acme",
      companyDisplay: "Acme",
      role: "backend-engineer",
      roleDisplay: "Backend Engineer",
      roleType: "standard",
      lastUpdated: "2026-01-10",
      nextReviewDue: "2026-04-10",
      dataQuality: "medium",
      salaryDataQuarter: "2025-Q4",
      bands: [
        {
          region: "San Francisco",
          regionSlug: "san-francisco",
          currency: "USD",
          base: { low: 80000, high: 100000 },
          stock: { low: 10000, high: 20000 },
          bonusPct: { low: 12, high: 12 },
          totalComp: { low: 92000, high: 124000 },
        },
      ],
      levelMapping: {
        internal: null,
        raw: "Acme Senior = Google L5",
        equivalences: [{ company: "Google", level: "L5" }],
      },
      dataSources: ["Levels.fyi"],
      negotiationDnaSummary: "Cash-heavy | Stable",
      extra: { team_size: 40 },
    });
  });

  it("trims display texts", () => {
    const fm = frontmatter();
    fm.company_display = "  Acme Corp ";
    const r = validateFrontmatter(fm, "g.md");
    expect(r.ok && r.guide.companyDisplay).toBe("Acme Corp");
  });
});

describe("dates as written", () => {
  it("takes back the written text of a Date field, comment and spaces around it ignored", () => {
    const data = { last_updated: new Date("2026-03-02T00:00:00Z"), company: "acme" };
    const raw = "company: acme\nlast_updated:\t2026-02-30   # typo\n";
    expect(restoreDateStrings(data, raw)).toEqual({ last_updated: "2026-02-30", company: "acme" });
    // The caller's object is left as it was.
    expect(data.last_updated).toBeInstanceOf(Date);
  });

  it("matches the key at the start of a line only, and leaves a Date it cannot find", () => {
    const when = new Date("2026-03-02T00:00:00Z");
    expect(restoreDateStrings({ due: when }, "not_due: 2026-02-30\n")).toEqual({ due: when });
    expect(restoreDateStrings({ due: when }, "due: 2026-02-30 extra\n")).toEqual({ due: when });
    expect(restoreDateStrings({ "a.b": when }, "axb: 2026-02-30\na.b: 2026-02-31\n")).toEqual({
      "a.b": "2026-02-31",
    });
  });

  it("only dates are taken back from the text: other values stay as YAML parsed them", () => {
    const fm = frontmatter();
    const raw = "role_type: \"standard\"\ndata_quality: 'medium'\nlast_updated: 2026-01-10\n";
    const r = validateFrontmatter(fm, "g.md", raw);
    expect(r.ok && [r.guide.roleType, r.guide.dataQuality]).toEqual(["standard", "medium"]);
  });

  it("validateFrontmatter judges a rolled-over date by its text", () => {
    const fm = frontmatter();
    fm.last_updated = new Date("2026-03-02T00:00:00Z");
    const r = validateFrontmatter(fm, "g.md", "last_updated: 2026-02-30\n");
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual([
      'expected a real date written YYYY-MM-DD, found "2026-02-30"',
    ]);
  });
});

describe("strictIsoDate", () => {
  it("checks day, month and year, and the shape", () => {
    expect(strictIsoDate("2026-12-31")).toBe("2026-12-31");
    expect(strictIsoDate("2026-01-01")).toBe("2026-01-01");
    expect(strictIsoDate("2025-02-29")).toBeNull();
    expect(strictIsoDate("2026-04-31")).toBeNull();
    expect(strictIsoDate("2026-00-10")).toBeNull();
    expect(strictIsoDate("2026-01-00")).toBeNull();
    expect(strictIsoDate("2026-01-10T00:00")).toBeNull();
    expect(strictIsoDate("x2026-01-10")).toBeNull();
    expect(strictIsoDate("0099-01-01")).toBeNull();
  });
});

describe("showValue", () => {
  it("shows dates, big integers and values JSON cannot show", () => {
    expect(showValue(new Date("2026-01-10T00:00:00Z"))).toBe('"2026-01-10T00:00:00.000Z"');
    expect(showValue(new Date(Number.NaN))).toBe("an invalid date");
    expect(showValue(12n)).toBe("12");
    expect(showValue(null)).toBe("null");
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(showValue(loop)).toBe("[object Object]");
    expect(showValue(Symbol("s"))).toBe("Symbol(s)");
  });

  it("cuts at 60 characters: 59 and an ellipsis", () => {
    const sixty = `"${"a".repeat(58)}"`;
    expect(showValue("a".repeat(58))).toBe(sixty);
    expect(showValue("a".repeat(59))).toBe(`"${"a".repeat(58)}…`);
  });
});
