import { describe, expect, it } from "vitest";
import { parseOffer } from "./offer.ts";

describe("parseOffer", () => {
  it("reads /comp offer words in any order, with k/K, full numbers and symbols", () => {
    const a = parseOffer("segment ml-ai-engineer london base 150k stock 120K bonus 10% signing 20k");
    expect(a).toMatchObject({
      base: { amount: 150000, currency: null },
      stock: { amount: 120000 },
      bonusPct: 10,
      signing: { amount: 20000 },
      vestYears: 4,
      vestGiven: false,
      unreadable: [],
    });
    expect(a.rest).toBe("segment ml-ai-engineer london");
    const b = parseOffer("signing 20,000 stock £120,000 base £150,000 bonus 15k vest 3y");
    expect(b).toMatchObject({
      base: { amount: 150000, currency: "GBP" },
      stock: { amount: 120000, currency: "GBP" },
      bonusAmount: { amount: 15000 },
      bonusPct: null,
      signing: { amount: 20000 },
      vestYears: 3,
      vestGiven: true,
    });
  });

  it("reads a plain sentence", () => {
    const o = parseOffer(
      "I got an offer from Segment in London: £150k base, £120k RSUs over 4 years and a 10% bonus. Is it good?",
    );
    expect(o).toMatchObject({
      base: { amount: 150000, currency: "GBP" },
      stock: { amount: 120000, currency: "GBP" },
      bonusPct: 10,
      vestYears: 4,
      vestGiven: true,
    });
    expect(o.rest).toContain("Segment in London");
  });

  it("figure before or after its word, each word used once", () => {
    expect(parseOffer("150k base 120k stock")).toMatchObject({
      base: { amount: 150000 },
      stock: { amount: 120000 },
    });
    expect(parseOffer("base 150k stock 120k")).toMatchObject({
      base: { amount: 150000 },
      stock: { amount: 120000 },
    });
    expect(parseOffer("$200K base and $1.2M equity over 3 years")).toMatchObject({
      base: { amount: 200000, currency: "USD" },
      stock: { amount: 1200000, currency: "USD" },
      vestYears: 3,
    });
    expect(parseOffer("base GBP 150000")).toMatchObject({ base: { amount: 150000, currency: "GBP" } });
  });

  it("just a base is fine", () => {
    const o = parseOffer("offer segment london base 150k");
    expect(o.base?.amount).toBe(150000);
    expect(o.stock).toBeNull();
    expect(o.bonusPct).toBeNull();
  });

  it("names back what it cannot read, with a guess, and never uses it", () => {
    const o = parseOffer("base 150k stock 12O");
    expect(o.stock).toBeNull();
    expect(o.unreadable).toEqual([
      {
        text: "stock 12O",
        suggestion: "120k",
        hint: "I need a figure there, e.g. stock 120k (the whole grant).",
        kind: "unreadable",
      },
    ]);
    const small = parseOffer("base 150 bonus 10");
    expect(small.base).toBeNull();
    expect(small.unreadable).toEqual([
      { text: "base 150", suggestion: "150k", hint: "e.g. base 150k.", kind: "unreadable" },
      {
        text: "bonus 10",
        suggestion: "10%",
        hint: "A bonus is a percentage of base (10%) or an amount (15k).",
        kind: "unreadable",
      },
    ]);
  });
});
