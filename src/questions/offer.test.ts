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

  it("vesting as a share a year: 100 ÷ the share is the years, the share never read as a bonus", () => {
    const read = (text: string) => {
      const o = parseOffer(text);
      return [o.vestYears, o.vestGiven, o.bonusPct, o.unreadable.map((u) => u.text)];
    };
    expect(read("140k base, 10% bonus, 100k rsu, vesting 25% per year")).toEqual([4, true, 10, []]);
    expect(read("200k base, 25% vesting each year, 400k rsu")).toEqual([4, true, null, []]);
    expect(read("300k rsu vests 33% a year")).toEqual([3, true, null, []]);
    expect(read("300k rsu vesting: 33.3% annually")).toEqual([3, true, null, []]);
    expect(read("300k rsu 20%/yr vesting, 10% bonus")).toEqual([5, true, 10, []]);
    expect(read("300k rsu, 50 percent a year vesting")).toEqual([2, true, null, []]);
    // A share that is no whole number of years is asked about; the default of 4 stays.
    expect(read("300k rsu vesting 30% a year")).toEqual([4, false, null, ["vesting 30% a year"]]);
    // Years in brackets after the grant.
    expect(read("base 150k, rsu 120k (4y), bonus 10%")).toEqual([4, true, 10, []]);
    expect(read("stock 120k (3 years)")).toEqual([3, true, null, []]);
    expect(read("base 150k (2 years of experience)")[1]).toBe(false);
    // A share for each year, by slashes: that many years; uneven shares are kept, in order.
    expect(read("300k rsu vesting 33/33/34")).toEqual([3, true, null, []]);
    expect(read("300k rsu vesting 33/33/33")).toEqual([3, true, null, []]); // 99: within 1 of 100
    expect(parseOffer("300k rsu vesting 33/33/34").vestSchedule).toBeUndefined();
    expect(parseOffer("300k rsu, 40/30/20/10 vesting").vestSchedule).toEqual([40, 30, 20, 10]);
    expect(parseOffer("300k rsu vesting schedule: 5%/15%/40%/40%")).toMatchObject({
      vestYears: 4,
      vestSchedule: [5, 15, 40, 40],
    });
    // Shares that do not add up to 100 are no schedule.
    expect(read("300k rsu vesting 50/60")[1]).toBe(false);
    // A percentage a year with no vesting word is not vesting.
    expect(read("base 150k, 25% a year raise")[0]).toBe(4);
    expect(read("base 150k, 25% a year raise")[1]).toBe(false);
  });

  it("a currency's name after a figure is its currency, and is no word left over", () => {
    expect(parseOffer("offer 150000 dollars base")).toMatchObject({
      base: { amount: 150000, currency: "USD" },
      unreadable: [],
      rest: "offer",
    });
    expect(parseOffer("segment london offer 150 thousand pounds base")).toMatchObject({
      base: { amount: 150000, currency: "GBP" },
      rest: "segment london offer",
    });
  });

  it("a bare number of 10,000 or more with no part is asked about, never dropped; a smaller one is no figure", () => {
    expect(parseOffer("offer segment london 150000").unreadable.map((u) => u.text)).toEqual(["150000"]);
    expect(parseOffer("offer segment london l4 2026, 5 years").unreadable).toEqual([]);
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
