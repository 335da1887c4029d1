/** Edges of src/money/format.ts the renderer tests do not reach: half-missing ranges, odd inputs. */
import { describe, expect, it } from "vitest";
import { formatMoney, formatMoneyRange, formatPercent, formatPercentRange } from "./format.ts";

describe("money format edges", () => {
  it("a missing end of a money range reads n/a, the other end stays", () => {
    expect(formatMoneyRange({ low: Number.NaN, high: 228000 }, "USD")).toBe("n/a\u2013$228K");
    expect(formatMoneyRange({ low: 188000, high: 188000.4 }, "USD")).toBe("$188K");
  });

  it("a currency that is not a string is left out", () => {
    expect(formatMoney(5000, undefined as unknown as string)).toBe("5K");
    expect(formatMoney("5000" as unknown as number, "USD")).toBe("n/a");
  });

  it("keeps the currency of each figure when the same amount is asked in turn", () => {
    expect(formatMoney(7000, "EUR")).toBe("€7K");
    expect(formatMoney(7000, "GBP")).toBe("£7K");
    expect(formatMoney(7000, " gbp")).toBe("£7K");
    expect(formatMoney(7000, "")).toBe("7K");
    expect(formatMoney(7000, "ZZ")).toBe("ZZ 7K");
    expect(formatMoney(7000, "ZZ")).toBe("ZZ 7K");
  });
});

describe("percent format edges", () => {
  it("a missing end of a percentage range reads n/a, the other end stays", () => {
    expect(formatPercentRange({ low: Number.NaN, high: 15 })).toBe("n/a\u201315%");
    expect(formatPercentRange({ low: 10, high: Number.POSITIVE_INFINITY })).toBe("10\u2013n/a%");
  });

  it("rounds to one decimal and groups thousands", () => {
    expect(formatPercent(12.345)).toBe("12.3%");
    expect(formatPercent(1500)).toBe("1,500%");
    expect(formatPercent(1000)).toBe("1,000%");
    expect(formatPercent(-1500)).toBe("-1,500%");
    expect(formatPercent(999)).toBe("999%");
    expect(formatPercent(10)).toBe("10%");
    expect(formatPercent(Number.NaN)).toBe("n/a");
  });
});
