import { describe, expect, it } from "vitest";
import { askedCurrency, currencyOf } from "./currency.ts";

describe("askedCurrency: the currency a sentence asks its figures in", () => {
  it("reads names, codes and symbols after in, into, to or as, with where they are written", () => {
    expect(askedCurrency("segment london in dollars")).toEqual({
      code: "USD",
      index: 15,
      text: "in dollars",
    });
    expect(askedCurrency("convert to €")).toEqual({ code: "EUR", index: 8, text: "to €" });
    expect(askedCurrency("base 150k, all in pounds sterling")).toEqual({
      code: "GBP",
      index: 11,
      text: "all in pounds sterling",
    });
    expect(askedCurrency("into gbp please")?.code).toBe("GBP");
    expect(askedCurrency("in US Dollars")?.code).toBe("USD");
    expect(askedCurrency("in canadian dollars")?.code).toBe("CAD");
    expect(askedCurrency("as euros")?.code).toBe("EUR");
  });

  it("a figure's currency, a longer word or no currency is not one asked for", () => {
    expect(askedCurrency("base in $150k")).toBeNull();
    expect(askedCurrency("base in £ 150k")).toBeNull();
    expect(askedCurrency("in usdx")).toBeNull();
    expect(askedCurrency("in eurozone")).toBeNull();
    expect(askedCurrency("in london")).toBeNull();
    expect(askedCurrency("dollars")).toBeNull();
  });
});

describe("currencyOf", () => {
  it("names the currency of a symbol", () => {
    expect(currencyOf("$")).toBe("USD");
    expect(currencyOf("£")).toBe("GBP");
    expect(currencyOf("€")).toBe("EUR");
    expect(currencyOf("US$")).toBe("USD");
    expect(currencyOf("A$")).toBe("AUD");
    expect(currencyOf("zł")).toBe("PLN");
  });

  it("reads prefixed dollars in any case and ignores spaces around the mark", () => {
    expect(currencyOf("us$")).toBe("USD");
    expect(currencyOf("c$")).toBe("CAD");
    expect(currencyOf(" £ ")).toBe("GBP");
  });

  it("reads ISO codes we know in any case", () => {
    expect(currencyOf("GBP")).toBe("GBP");
    expect(currencyOf("gbp")).toBe("GBP");
    expect(currencyOf(" chf ")).toBe("CHF");
    expect(currencyOf("Mxn")).toBe("MXN");
  });

  it("is null for nothing and for marks we do not know", () => {
    expect(currencyOf(null)).toBeNull();
    expect(currencyOf(undefined)).toBeNull();
    expect(currencyOf("")).toBeNull();
    expect(currencyOf("   ")).toBeNull();
    expect(currencyOf("XYZ")).toBeNull();
    expect(currencyOf("dollars")).toBeNull();
  });
});
