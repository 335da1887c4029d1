import { describe, expect, it } from "vitest";
import { currencyOf } from "./currency.ts";

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
