/**
 * guides:check's body-table check: every figure of a guide's comp table that disagrees with the frontmatter
 * (the source of truth) is a warning naming the region, what the body says and what the frontmatter says.
 */
import { describe, expect, it } from "vitest";
import {
  compareBodyWithFrontmatter,
  compareTotalWithComponents,
  formatMoneyRange,
  formatPercentRange,
} from "./consistency.ts";
import type { Band, BodyTableRow, GuideBody } from "./types.ts";

const SF: Band = {
  region: "San Francisco",
  regionSlug: "san-francisco",
  currency: "USD",
  base: { low: 188000, high: 228000 },
  stock: { low: 145000, high: 270000 },
  bonusPct: { low: 10, high: 15 },
  totalComp: { low: 262000, high: 355000 },
};
const LONDON: Band = {
  region: "London",
  regionSlug: "london",
  currency: "GBP",
  base: { low: 132000, high: 165000 },
  stock: { low: 102000, high: 188000 },
  bonusPct: { low: 10, high: 10 },
  totalComp: { low: 182000, high: 248000 },
};

const SF_ROW: BodyTableRow = {
  region: "San Francisco",
  base: "$188K–$228K",
  stock: "$145K–$270K",
  bonus: "10–15%",
  totalComp: "$262K–$355K",
};
const LONDON_ROW: BodyTableRow = {
  region: "London",
  base: "£132K–£165K",
  stock: "£102K–£188K",
  bonus: "10%",
  totalComp: "£182K–£248K",
};

function bodyWith(table: BodyTableRow[]): GuideBody {
  return { dnaSummary: null, overview: [], levers: [], script: null, evidence: [], table };
}

/** [path, message] of every warning; each is checked to be a body-mismatch warning of the file. */
function check(bands: Band[], table: BodyTableRow[]): Array<[string, string]> {
  const problems = compareBodyWithFrontmatter("g.md", bands, bodyWith(table));
  for (const p of problems)
    expect(p).toMatchObject({ severity: "warning", code: "body-mismatch", file: "g.md" });
  return problems.map((p) => [p.path, p.message]);
}

describe("compareBodyWithFrontmatter", () => {
  it("no warning when the table agrees, nor when the body has no table", () => {
    expect(check([SF, LONDON], [SF_ROW, LONDON_ROW])).toEqual([]);
    expect(check([SF], [])).toEqual([]);
  });

  it("a differing figure at either end is reported with the frontmatter's figure", () => {
    expect(check([SF], [{ ...SF_ROW, base: "$190K–$228K" }])).toEqual([
      [
        "compensation.0.base_low",
        "San Francisco: body table says base $190K–$228K, frontmatter says $188K–$228K",
      ],
    ]);
    expect(check([SF], [{ ...SF_ROW, stock: "$145K–$280K" }])).toEqual([
      [
        "compensation.0.stock_low",
        "San Francisco: body table says stock $145K–$280K, frontmatter says $145K–$270K",
      ],
    ]);
    expect(check([SF, LONDON], [SF_ROW, { ...LONDON_ROW, totalComp: "£182K" }])).toEqual([
      [
        "compensation.1.total_comp_low",
        "London: body table says total comp £182K, frontmatter says £182K–£248K",
      ],
    ]);
  });

  it("a bonus that differs at either end is reported", () => {
    expect(check([SF], [{ ...SF_ROW, bonus: "10%" }])).toEqual([
      ["compensation.0.bonus_pct", "San Francisco: body table says bonus 10%, frontmatter says 10–15%"],
    ]);
    expect(check([LONDON], [{ ...LONDON_ROW, bonus: "10–15%" }])).toEqual([
      ["compensation.0.bonus_pct", "London: body table says bonus 10–15%, frontmatter says 10%"],
    ]);
    expect(check([SF], [{ ...SF_ROW, bonus: "12–15%" }])).toEqual([
      ["compensation.0.bonus_pct", "San Francisco: body table says bonus 12–15%, frontmatter says 10–15%"],
    ]);
  });

  it("cells without a figure are not compared", () => {
    expect(check([SF], [{ ...SF_ROW, base: "n/a", stock: "", bonus: "varies", totalComp: "—" }])).toEqual([]);
  });

  it("a figure in another currency is reported as such, not as a wrong figure", () => {
    expect(check([LONDON], [{ ...LONDON_ROW, base: "$132K–$165K" }])).toEqual([
      ["compensation.0.base_low", "London: body table says base $132K–$165K, frontmatter currency is GBP"],
    ]);
    expect(check([SF], [{ ...SF_ROW, stock: "€145K–€270K" }])).toEqual([
      [
        "compensation.0.stock_low",
        "San Francisco: body table says stock €145K–€270K, frontmatter currency is USD",
      ],
    ]);
  });

  it("takes every usual way of writing the band's currency, and figures without one", () => {
    for (const base of ["US$188K–US$228K", "USD 188K–228K", "188,000 to 228,000"]) {
      expect(check([SF], [{ ...SF_ROW, base }]), base).toEqual([]);
    }
    const canada: Band = { ...SF, region: "Toronto", regionSlug: "toronto", currency: "CAD" };
    for (const base of ["$188K–$228K", "C$188K–C$228K", "CA$188K–CA$228K"]) {
      expect(check([canada], [{ ...SF_ROW, region: "Toronto", base }]), base).toEqual([]);
    }
    const zurich: Band = { ...SF, region: "Zurich", regionSlug: "zurich", currency: "CHF" };
    const zurichRow = { ...SF_ROW, region: "Zurich", stock: "CHF 145K–270K", totalComp: "262K–355K CHF" };
    expect(check([zurich], [{ ...zurichRow, base: "CHF 188K–228K" }])).toEqual([]);
    expect(check([zurich], [{ ...zurichRow, base: "CHF 190K–228K" }])).toEqual([
      [
        "compensation.0.base_low",
        "Zurich: body table says base CHF 190K–228K, frontmatter says CHF 188K–CHF 228K",
      ],
    ]);
    const singapore: Band = { ...SF, region: "Singapore", regionSlug: "singapore", currency: "SGD" };
    expect(check([singapore], [{ ...SF_ROW, region: "Singapore", base: "S$188K–S$228K" }])).toEqual([]);
  });

  it("matches rows to bands by region slug and reports rows and bands without a partner", () => {
    expect(
      check(
        [SF, LONDON],
        [
          { ...SF_ROW, region: "san francisco" },
          { ...LONDON_ROW, region: "Paris" },
        ],
      ),
    ).toEqual([
      ["", 'body table has a row for "Paris", frontmatter has no such region'],
      ["compensation.1.region", "London: frontmatter region has no row in the body table"],
    ]);
  });

  it("the first row of a region counts", () => {
    expect(check([SF], [SF_ROW, { ...SF_ROW, base: "$1M" }])).toEqual([]);
    expect(check([SF], [{ ...SF_ROW, base: "$1M" }, SF_ROW])).toEqual([
      ["compensation.0.base_low", "San Francisco: body table says base $1M, frontmatter says $188K–$228K"],
    ]);
  });
});

describe("formatMoneyRange / formatPercentRange", () => {
  it("writes figures the way guides do", () => {
    expect(formatMoneyRange({ low: 188000, high: 228000 }, "USD")).toBe("$188K–$228K");
    expect(formatMoneyRange({ low: 170700, high: 170700 }, "GBP")).toBe("£170.7K");
    expect(formatMoneyRange({ low: 1000000, high: 1250000 }, "EUR")).toBe("€1M–€1.25M");
    expect(formatMoneyRange({ low: 1005000, high: 1005000 }, "USD")).toBe("$1,005K");
    expect(formatMoneyRange({ low: 1000, high: 1000 }, "USD")).toBe("$1K");
    expect(formatMoneyRange({ low: 999, high: 1234567 }, "USD")).toBe("$999–$1,234,567");
    expect(formatMoneyRange({ low: 150050, high: 150050 }, "USD")).toBe("$150,050");
    expect(formatMoneyRange({ low: 120000, high: 120000 }, "CAD")).toBe("$120K");
    // A currency whose symbol is letters is set apart from the figure.
    expect(formatMoneyRange({ low: 150000, high: 180000 }, "CHF")).toBe("CHF 150K–CHF 180K");
    expect(formatMoneyRange({ low: 150000, high: 150000 }, "PLN")).toBe("zł 150K");
    expect(formatMoneyRange({ low: 150000, high: 150000 }, "X1")).toBe("X1 150K");
  });

  it("writes percentages as one figure or a range", () => {
    expect(formatPercentRange({ low: 10, high: 10 })).toBe("10%");
    expect(formatPercentRange({ low: 10, high: 15 })).toBe("10–15%");
    expect(formatPercentRange({ low: 7.5, high: 12.5 })).toBe("7.5–12.5%");
  });
});

describe("compareTotalWithComponents: the 5% edge", () => {
  // base 105,000, no stock, no bonus: the components give 105,000.
  const flat: Band = {
    ...SF,
    base: { low: 105000, high: 105000 },
    stock: { low: 0, high: 0 },
    bonusPct: { low: 0, high: 0 },
    totalComp: { low: 100000, high: 100000 },
  };

  it("exactly 5% apart is still fine; just over is warned", () => {
    expect(compareTotalWithComponents("g.md", [flat])).toEqual([]);
    const over = compareTotalWithComponents("g.md", [{ ...flat, totalComp: { low: 99999, high: 100000 } }]);
    expect(over.map((p) => p.path)).toEqual(["compensation.0.total_comp_low"]);
  });

  it("the high end alone being off is warned, naming the band by its index", () => {
    const highOff: Band = { ...flat, totalComp: { low: 100000, high: 120000 } };
    const problems = compareTotalWithComponents("g.md", [flat, highOff]);
    expect(problems).toEqual([
      {
        severity: "warning",
        code: "total-mismatch",
        file: "g.md",
        path: "compensation.1.total_comp_low",
        message:
          "San Francisco: stated total comp $100K–$120K, its components give $105K (base + stock ÷ 4 + bonus % × base), 5% and 13% apart; offers are compared with the components' total",
      },
    ]);
  });

  it("stock counts a quarter and the bonus its percentage of base", () => {
    // 100,000 + 40,000 / 4 + 10% × 100,000 = 120,000 at both ends: exactly the stated total.
    const band: Band = {
      ...SF,
      base: { low: 100000, high: 100000 },
      stock: { low: 40000, high: 40000 },
      bonusPct: { low: 10, high: 10 },
      totalComp: { low: 120000, high: 120000 },
    };
    expect(compareTotalWithComponents("g.md", [band])).toEqual([]);
    const [p] = compareTotalWithComponents("g.md", [{ ...band, totalComp: { low: 150000, high: 150000 } }]);
    expect(p?.message).toContain("its components give $120K (");
    expect(p?.message).toContain(", 20% and 20% apart;");
  });
});
