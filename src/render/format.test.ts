import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatMoney,
  formatMoneyRange,
  formatPercentRange,
  GAUGE_CELLS,
  gauge,
  plural,
  safeText,
} from "./format.ts";

describe("formatMoney", () => {
  it("uses compact currency notation with at most one decimal", () => {
    expect(formatMoney(188000, "USD")).toBe("$188K");
    expect(formatMoney(132000, "GBP")).toBe("£132K");
    expect(formatMoney(1250000, "USD")).toBe("$1.3M");
    expect(formatMoney(95000, "EUR")).toBe("€95K");
    expect(formatMoney(999, "USD")).toBe("$999");
    expect(formatMoney(1250, "usd")).toBe("$1.3K");
  });
  it("keeps Intl's output for currencies without a symbol", () => {
    expect(formatMoney(120000, "CHF")).toBe("CHF\u00a0120K");
  });
  it("never throws or prints NaN", () => {
    expect(formatMoney(5000, "XX")).toBe("XX 5K");
    expect(formatMoney(5000, "")).toBe("5K");
    expect(formatMoney(Number.NaN, "USD")).toBe("n/a");
    expect(formatMoney(Number.POSITIVE_INFINITY, "USD")).toBe("n/a");
  });
});

describe("ranges", () => {
  it("joins money with an EN DASH", () => {
    expect(formatMoneyRange({ low: 188000, high: 228000 }, "USD")).toBe("$188K\u2013$228K");
    expect(formatMoneyRange({ low: 132000, high: 165000 }, "GBP")).toBe("£132K–£165K");
  });
  it("shows one figure when both ends are equal", () => {
    expect(formatMoneyRange({ low: 188000, high: 188000 }, "USD")).toBe("$188K");
  });
  it("remembers figures per currency, never across currencies, and reads the same as Intl every time", () => {
    const intl = (amount: number, currency: string) =>
      new Intl.NumberFormat("en-US", {
        style: "currency",
        currency,
        notation: "compact",
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      }).format(amount);
    for (let round = 0; round < 3; round++) {
      for (const amount of [0, 950, 188000, 1250000, 187999.5]) {
        for (const currency of ["USD", "GBP", "EUR", "JPY"]) {
          expect(formatMoney(amount, currency)).toBe(intl(amount, currency));
        }
      }
    }
    expect(formatMoney(5000, "USD")).not.toBe(formatMoney(5000, "GBP"));
    // Well past the memory's capacity: it starts again, the answers stay right.
    for (let amount = 0; amount < 25_000; amount++) formatMoney(amount * 1000, "USD");
    expect(formatMoney(188000, "USD")).toBe("$188K");
    expect(formatMoney(188000, "usd ")).toBe("$188K");
  });
  it("formats whole percentages without Intl the way Intl does", () => {
    const intl = new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 1 });
    for (const n of [0, 1, 10, 15, 100, 999, 1000, 12345, -5, -0]) {
      expect(formatPercentRange({ low: n, high: n })).toBe(`${intl.format(n)}%`);
    }
  });
  it("formats percentages", () => {
    expect(formatPercentRange({ low: 10, high: 10 })).toBe("10%");
    expect(formatPercentRange({ low: 10, high: 15 })).toBe("10\u201315%");
    expect(formatPercentRange({ low: 12.5, high: 12.5 })).toBe("12.5%");
    expect(formatPercentRange({ low: Number.NaN, high: Number.NaN })).toBe("n/a");
  });
});

describe("formatDate", () => {
  it("prints day, short month, year", () => {
    expect(formatDate("2026-02-23")).toBe("23 Feb 2026");
    expect(formatDate("2026-05-23")).toBe("23 May 2026");
  });
  it("never shifts a day at the year or month edge, whatever the time zone", () => {
    expect(formatDate("2026-01-01")).toBe("1 Jan 2026");
    expect(formatDate("2025-12-31")).toBe("31 Dec 2025");
    expect(formatDate("2024-02-29")).toBe("29 Feb 2024");
  });
  it("returns anything that is not a real date as given", () => {
    expect(formatDate("2026-02-30")).toBe("2026-02-30");
    expect(formatDate("soon")).toBe("soon");
    expect(formatDate("")).toBe("n/a");
  });
});

describe("helpers", () => {
  it("plural", () => {
    expect(plural(1, "region")).toBe("1 region");
    expect(plural(3, "region")).toBe("3 regions");
    expect(plural(2, "company", "companies")).toBe("2 companies");
  });
  it("safeText never yields null/undefined/NaN/[object Object]", () => {
    expect(safeText(null)).toBe("");
    expect(safeText(undefined)).toBe("");
    expect(safeText(Number.NaN)).toBe("n/a");
    expect(safeText({})).toBe("");
    expect(safeText("x")).toBe("x");
  });
});

describe("gauge", () => {
  it("fills one cell per full 10% of the band, and shows no figure (the position's words say it once)", () => {
    expect(gauge(0)).toBe("▕□□□□□□□□□□▏");
    expect(gauge(9.4)).toBe("▕□□□□□□□□□□▏");
    expect(gauge(55)).toBe("▕■■■■■□□□□□▏");
    expect(gauge(100)).toBe("▕■■■■■■■■■■▏");
    expect(gauge(21)).toBe("▕■■□□□□□□□□▏");
    expect(gauge(99.6)).toBe("▕■■■■■■■■■■▏");
  });
  it("below the band: every cell empty; above: every cell full", () => {
    expect(gauge(-20)).toBe("▕□□□□□□□□□□▏");
    expect(gauge(-400)).toBe("▕□□□□□□□□□□▏");
    expect(gauge(130)).toBe("▕■■■■■■■■■■▏");
  });
  it("follows `where` when given (a single-figure band says nothing of the side in pct)", () => {
    expect(gauge(100, "above")).toBe("▕■■■■■■■■■■▏");
    expect(gauge(0, "above")).toBe("▕■■■■■■■■■■▏");
    expect(gauge(100, "below")).toBe("▕□□□□□□□□□□▏");
    expect(gauge(130, "within")).toBe("▕■■■■■■■■■■▏");
    expect(gauge(-0.4, "within")).toBe("▕□□□□□□□□□□▏");
  });
  it("always has 10 cells and nothing else", () => {
    for (const pct of [-1e9, -20, -0.4, 0, 5, 9.9, 10, 45, 55, 99, 100, 101, 1e9, Number.NaN]) {
      expect(gauge(pct)).toMatch(new RegExp(`^▕[■□]{${GAUGE_CELLS}}▏$`));
    }
    expect(gauge(Number.NaN)).toBe("▕□□□□□□□□□□▏");
  });
});
