/**
 * The money reader (src/money/read.ts): figures as people type them in offers and as guides write them.
 * Every expected figure is a literal worked out by hand from the text.
 */
import { describe, expect, it } from "vitest";
import { findFigure, parseMoneyText, parsePercentText, readFigure, scanFigures } from "./read.ts";

/** The fields of a figure that carry meaning for an answer. */
const reading = (text: string) => {
  const f = readFigure(text);
  return (
    f && { low: f.low, high: f.high, range: f.range, currency: f.currency, mark: f.mark, scaled: f.scaled }
  );
};

describe("readFigure: one figure", () => {
  it("reads multipliers (k, thousand, grand, m, mm, mn, million, b, bn, billion) in any case", () => {
    expect(readFigure("150k")).toMatchObject({ low: 150000, high: 150000, range: false, scaled: true });
    expect(readFigure("150K")?.low).toBe(150000);
    expect(readFigure("3 thousand")?.low).toBe(3000);
    expect(readFigure("150 grand")).toMatchObject({ low: 150000, scaled: true });
    expect(readFigure("150 grandad")).toBeNull();
    expect(readFigure("1.5m")?.low).toBe(1500000);
    expect(readFigure("2mm")?.low).toBe(2000000);
    expect(readFigure("2mn")?.low).toBe(2000000);
    expect(readFigure("2 Million")?.low).toBe(2000000);
    expect(readFigure("1b")?.low).toBe(1000000000);
    expect(readFigure("1.5bn")?.low).toBe(1500000000);
    expect(readFigure("2 billion")?.low).toBe(2000000000);
  });

  it("keeps amounts to cents", () => {
    expect(readFigure("1.1k")?.low).toBe(1100);
    expect(readFigure("1.23456k")?.low).toBe(1234.56);
    expect(readFigure("0.1k")?.low).toBe(100);
  });

  it("reads thousands separators: commas, spaces, no-break spaces, and dots", () => {
    expect(reading("150,000")).toEqual({
      low: 150000,
      high: 150000,
      range: false,
      currency: null,
      mark: null,
      scaled: true,
    });
    expect(reading("150 000")).toMatchObject({ low: 150000, scaled: true });
    expect(reading("150\u00a0000")).toMatchObject({ low: 150000, scaled: true });
    expect(reading("150\u202f000")).toMatchObject({ low: 150000, scaled: true });
    expect(reading("€1.500.000")).toMatchObject({ low: 1500000, currency: "EUR", scaled: true });
    // A dot is a separator only between groups of three digits after one to three digits.
    expect(reading("1234.567")).toMatchObject({ low: 1234.57, scaled: false });
    expect(reading("12.5000")).toMatchObject({ low: 12.5, scaled: false });
    expect(reading("1,234,567.5")).toMatchObject({ low: 1234567.5, scaled: true });
    expect(reading("£150.000")).toMatchObject({ low: 150000, currency: "GBP", mark: "£", scaled: true });
    // A dot before a multiplier is a decimal point, not a separator.
    expect(reading("1.500k")).toMatchObject({ low: 1500, scaled: true });
    // A comma with one or two digits before a multiplier is a decimal comma; with three, a separator.
    expect(reading("150,5k")).toMatchObject({ low: 150500, scaled: true });
    expect(reading("€1,25m")).toMatchObject({ low: 1250000, currency: "EUR" });
    expect(reading("150,500k")).toMatchObject({ low: 150500000 });
    expect(reading("150,5")).toBeNull();
    // A bare number is not scaled: "150000" could be anything, "150" is probably thousands.
    expect(reading("150000")).toMatchObject({ low: 150000, scaled: false });
    expect(reading("150")).toMatchObject({ low: 150, scaled: false });
    expect(reading("12.5")).toMatchObject({ low: 12.5, scaled: false });
  });

  it("reads the currency from a symbol or a code, before or after the figure", () => {
    expect(reading("$150K")).toMatchObject({ low: 150000, currency: "USD", mark: "$" });
    expect(reading("150k£")).toMatchObject({ low: 150000, currency: "GBP", mark: "£" });
    expect(reading("150k €")).toMatchObject({ low: 150000, currency: "EUR", mark: "€" });
    expect(reading("US$150k")).toMatchObject({ currency: "USD", mark: "US$" });
    expect(reading("GBP 150k")).toMatchObject({ currency: "GBP", mark: "GBP" });
    expect(reading("150k EUR")).toMatchObject({ currency: "EUR", mark: "EUR" });
    // A code is kept upper case, a symbol as written.
    expect(reading("gbp 150k")).toMatchObject({ currency: "GBP", mark: "GBP" });
    expect(reading("150k chf")).toMatchObject({ currency: "CHF", mark: "CHF" });
    expect(reading("150k")).toMatchObject({ currency: null, mark: null });
  });

  it("reads a currency's name after the figure", () => {
    expect(reading("150k dollars")).toMatchObject({ low: 150000, currency: "USD" });
    expect(reading("150 thousand pounds")).toMatchObject({ low: 150000, currency: "GBP" });
    expect(reading("150,000 pounds sterling")).toMatchObject({ low: 150000, currency: "GBP" });
    expect(reading("20k euros")).toMatchObject({ low: 20000, currency: "EUR" });
    expect(reading("150k US dollars")).toMatchObject({ currency: "USD" });
    expect(reading("150k pounds  sterling")).toMatchObject({ currency: "GBP" });
    // Not before it, and not a name with two different marks.
    expect(readFigure("dollars 150k")).toBeNull();
    expect(readFigure("£150k dollars")).toBeNull();
  });

  it("accepts two marks of the same currency and refuses two different ones", () => {
    expect(reading("£150k GBP")).toMatchObject({ low: 150000, currency: "GBP", mark: "£" });
    expect(reading("GBP £150k")).toMatchObject({ low: 150000, currency: "GBP", mark: "GBP" });
    expect(readFigure("£150k USD")).toBeNull();
    expect(readFigure("USD £150k")).toBeNull();
    expect(readFigure("$150k£")).toBeNull();
  });

  it("reads percentages", () => {
    expect(readFigure("10%")).toMatchObject({ low: 10, high: 10, percent: true, range: false });
    expect(readFigure("12.5 percent")).toMatchObject({ low: 12.5, percent: true });
    expect(readFigure("15pct")).toMatchObject({ low: 15, percent: true });
    // British spelling.
    expect(readFigure("10 per cent")).toMatchObject({ low: 10, percent: true });
    expect(readFigure("10–15 per cent")).toMatchObject({ low: 10, high: 15, percent: true });
    expect(readFigure("150k")?.percent).toBe(false);
  });

  it("reads a trailing + as 'at least'", () => {
    expect(readFigure("$400K+")).toMatchObject({ low: 400000, high: 400000, plus: true, currency: "USD" });
    expect(readFigure("$400K +")).toMatchObject({ low: 400000, plus: true });
    expect(readFigure("$400K")?.plus).toBe(false);
    expect(readFigure("30k/yr +")).toMatchObject({ low: 30000, period: "year", plus: true });
  });

  it("annualises a monthly figure and says which period was written", () => {
    expect(readFigure("12.5k a month")).toMatchObject({ low: 150000, high: 150000, period: "month" });
    expect(readFigure("10k/mo")).toMatchObject({ low: 120000, period: "month" });
    expect(readFigure("10k per mth")).toMatchObject({ low: 120000, period: "month" });
    expect(readFigure("5k monthly")).toMatchObject({ low: 60000, period: "month" });
    expect(readFigure("30k/yr")).toMatchObject({ low: 30000, period: "year" });
    expect(readFigure("150k per year")).toMatchObject({ low: 150000, period: "year" });
    expect(readFigure("150k per annum")).toMatchObject({ low: 150000, period: "year" });
    expect(readFigure("150k annually")).toMatchObject({ low: 150000, period: "year" });
    expect(readFigure("150k pa")).toMatchObject({ low: 150000, period: "year" });
    expect(readFigure("150k")?.period).toBeNull();
    expect(readFigure("10-12k a month")).toMatchObject({ low: 120000, high: 144000, period: "month" });
    expect(readFigure("10-12k  a month")).toMatchObject({ low: 120000, high: 144000, period: "month" });
  });

  it("annualises a quarterly figure (× 4), and reads 'annual' as a year", () => {
    expect(readFigure("30k a quarter")).toMatchObject({ low: 120000, high: 120000, period: "quarter" });
    expect(readFigure("30k per quarter")).toMatchObject({ low: 120000, period: "quarter" });
    expect(readFigure("30k/qtr")).toMatchObject({ low: 120000, period: "quarter" });
    expect(readFigure("37.5k quarterly")).toMatchObject({ low: 150000, period: "quarter" });
    expect(readFigure("30-40k a quarter")).toMatchObject({ low: 120000, high: 160000, period: "quarter" });
    expect(readFigure("150k annual")).toMatchObject({ low: 150000, period: "year" });
    // No other period is read: these are not one figure.
    expect(readFigure("3k a week")).toBeNull();
    expect(readFigure("90 an hour")).toBeNull();
  });

  it("keeps the text as typed, trimmed, and spans all of it", () => {
    expect(readFigure("  £150k  ")).toMatchObject({ text: "£150k", index: 0, end: 5 });
  });

  it("reads nothing from text that is not exactly one figure", () => {
    expect(readFigure("")).toBeNull();
    expect(readFigure("   ")).toBeNull();
    expect(readFigure("abc")).toBeNull();
    expect(readFigure("150k base")).toBeNull();
    expect(readFigure("k150")).toBeNull();
    // Too many digits to be a number at all.
    expect(readFigure("9".repeat(400))).toBeNull();
  });
});

describe("readFigure: ranges", () => {
  it("applies a multiplier written once to both ends", () => {
    expect(reading("150-170k")).toEqual({
      low: 150000,
      high: 170000,
      range: true,
      currency: null,
      mark: null,
      scaled: true,
    });
    expect(reading("150–170k")).toMatchObject({ low: 150000, high: 170000 });
    expect(reading("150 to 170k")).toMatchObject({ low: 150000, high: 170000 });
    expect(reading("1.2-1.5m")).toMatchObject({ low: 1200000, high: 1500000 });
  });

  it("does not scale a low end past the high end ('1500-2k' is 1,500 to 2,000)", () => {
    expect(reading("1500-2k")).toMatchObject({ low: 1500, high: 2000, range: true });
    // A multiplier on the low end is its own.
    expect(reading("1k-2m")).toMatchObject({ low: 1000, high: 2000000, range: true });
  });

  it("reads both ends with their own multipliers and marks", () => {
    expect(reading("150k-170k")).toMatchObject({ low: 150000, high: 170000, range: true, scaled: true });
    expect(reading("£150k to £170k")).toMatchObject({
      low: 150000,
      high: 170000,
      currency: "GBP",
      mark: "£",
    });
    expect(reading("150k to £170k")).toMatchObject({ low: 150000, high: 170000, currency: "GBP", mark: "£" });
    expect(reading("$1.2M-$1.5M")).toMatchObject({ low: 1200000, high: 1500000, currency: "USD" });
    expect(reading("150,000 to 170,000")).toMatchObject({ low: 150000, high: 170000, scaled: true });
    expect(reading("150 to 170,000")).toMatchObject({ low: 150, high: 170000, scaled: true });
  });

  it("a bare range is not scaled", () => {
    expect(reading("100-150")).toMatchObject({ low: 100, high: 150, range: true, scaled: false });
  });

  it("refuses a range in two currencies or running backwards", () => {
    expect(readFigure("£150k-$170k")).toBeNull();
    expect(readFigure("170k-150k")).toBeNull();
    expect(readFigure("£150k-xx")).toBeNull();
  });

  it("refuses a range when either end names two currencies", () => {
    expect(readFigure("£150k USD - 170k")).toBeNull();
    expect(readFigure("150k - £170k USD")).toBeNull();
  });

  it("a range whose ends read the same is one figure", () => {
    expect(reading("150-150k")).toMatchObject({ low: 150000, high: 150000, range: false });
    expect(reading("150k-150k")).toMatchObject({ low: 150000, high: 150000, range: false });
  });

  it("reads percentage ranges, with the sign on either end", () => {
    expect(readFigure("10-15%")).toMatchObject({ low: 10, high: 15, range: true, percent: true });
    expect(readFigure("10%-15")).toMatchObject({ low: 10, high: 15, percent: true });
    expect(readFigure("10–15%")).toMatchObject({ low: 10, high: 15, percent: true });
  });
});

describe("scanFigures", () => {
  it("finds every figure in running text, left to right, with where it is", () => {
    const text = "base £150k, stock 120k over 4 years and a 10% bonus";
    const found = scanFigures(text).map((f) => [f.text, f.low, f.index, f.end]);
    expect(found).toEqual([
      ["£150k", 150000, 5, 10],
      ["120k", 120000, 18, 22],
      ["4", 4, 28, 29],
      ["10%", 10, 42, 45],
    ]);
  });

  it("points past a space the match starts with", () => {
    expect(scanFigures("pay: 150k").map((f) => [f.text, f.index, f.end])).toEqual([["150k", 5, 9]]);
  });

  it("reads ranges and periods inside a sentence", () => {
    const [f] = scanFigures("they said 12.5k a month, maybe");
    expect(f).toMatchObject({ low: 150000, period: "month", text: "12.5k a month", index: 10, end: 23 });
    const [r] = scanFigures("the band is $188K–$228K in NYC");
    expect(r).toMatchObject({ low: 188000, high: 228000, range: true, currency: "USD", index: 12, end: 23 });
  });

  it("is the same on a second scan of the same text", () => {
    const text = "150k then 170k";
    expect(scanFigures(text).map((f) => f.low)).toEqual([150000, 170000]);
    expect(scanFigures(text).map((f) => f.low)).toEqual([150000, 170000]);
  });

  it("skips what it cannot read and finds nothing in plain words", () => {
    expect(scanFigures("£150k USD and 20k").map((f) => f.text)).toEqual(["20k"]);
    expect(scanFigures("no figures here")).toEqual([]);
    expect(scanFigures("")).toEqual([]);
  });
});

describe("findFigure", () => {
  it("returns the first figure at or after a position, with positions in the whole text", () => {
    expect(findFigure("base 150k stock 120k")).toMatchObject({ low: 150000, index: 5, end: 9 });
    expect(findFigure("base 150k stock 120k", 9)).toMatchObject({ low: 120000, index: 16, end: 20 });
    expect(findFigure("base 150k", 9)).toBeNull();
    expect(findFigure("nothing")).toBeNull();
  });
});

describe("parseMoneyText and parsePercentText (guide bodies)", () => {
  it("reads the money figure or range a guide writes, skipping percentages", () => {
    expect(parseMoneyText("$188K–$228K")).toEqual({ low: 188000, high: 228000, symbol: "$" });
    expect(parseMoneyText("£132K-£165K")).toEqual({ low: 132000, high: 165000, symbol: "£" });
    expect(parseMoneyText("$188–228K")).toEqual({ low: 188000, high: 228000, symbol: "$" });
    expect(parseMoneyText("188,000 to 228,000")).toEqual({ low: 188000, high: 228000, symbol: null });
    expect(parseMoneyText("$400K+")).toEqual({ low: 400000, high: 400000, symbol: "$" });
    expect(parseMoneyText("10% of base, about $20K")).toEqual({ low: 20000, high: 20000, symbol: "$" });
    expect(parseMoneyText("10%")).toBeNull();
    expect(parseMoneyText("n/a")).toBeNull();
  });

  it("reads a percentage or a percentage range", () => {
    expect(parsePercentText("10%")).toEqual({ low: 10, high: 10 });
    expect(parsePercentText("10–15%")).toEqual({ low: 10, high: 15 });
    expect(parsePercentText("10 to 15 %")).toEqual({ low: 10, high: 15 });
    expect(parsePercentText("none")).toBeNull();
  });
});
