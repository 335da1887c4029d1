/** guides:check warns when a band's stated total comp and the total its components give are > 5% apart. */
import { describe, expect, it } from "vitest";
import { compareTotalWithComponents } from "./consistency.ts";
import type { Band } from "./types.ts";

const LONDON: Band = {
  region: "London",
  regionSlug: "london",
  currency: "GBP",
  base: { low: 132000, high: 165000 },
  stock: { low: 102000, high: 188000 },
  bonusPct: { low: 10, high: 10 },
  totalComp: { low: 182000, high: 248000 },
};

describe("compareTotalWithComponents", () => {
  it("the seed guide's London band: £170.7K–£228.5K from its components against £182K–£248K stated", () => {
    // 132,000 + 102,000 / 4 + 13,200 = 170,700 (6% under 182,000); 165,000 + 47,000 + 16,500 = 228,500 (8% under)
    expect(compareTotalWithComponents("g.md", [LONDON])).toEqual([
      {
        severity: "warning",
        code: "total-mismatch",
        file: "g.md",
        path: "compensation.0.total_comp_low",
        message:
          "London: stated total comp £182K–£248K, its components give £170.7K–£228.5K (base + stock ÷ 4 + bonus % × base), 6% and 8% apart; offers are compared with the components' total",
      },
    ]);
  });

  it("within 5% at both ends: no warning", () => {
    // components give 170,700–228,500; 175,000 is 2.5% away, 235,000 is 2.8% away
    expect(
      compareTotalWithComponents("g.md", [{ ...LONDON, totalComp: { low: 175000, high: 235000 } }]),
    ).toEqual([]);
    // 180,000 is 5.2% away from 170,700: warned
    expect(
      compareTotalWithComponents("g.md", [{ ...LONDON, totalComp: { low: 180000, high: 235000 } }]),
    ).toHaveLength(1);
  });
});
