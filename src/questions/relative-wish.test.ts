/**
 * A wish as a share more than the offer (relative-wish.ts): read apart from the offer's figures, made into figures
 * from the offer's own part, or asked about when that part is not clear. Expected figures are worked by hand.
 */
import { describe, expect, it } from "vitest";
import { parseOffer } from "./offer.ts";
import { readRelativeWish, relativeFigures } from "./relative-wish.ts";

const read = (text: string) => readRelativeWish(text);

describe("readRelativeWish", () => {
  it("reads the share and the part named after it, and takes its words out", () => {
    expect(read("I want 20% more")?.wish).toEqual({ pct: 20, part: null, text: "20% more", than: "offer" });
    expect(read("is asking for 10% more base reasonable?")?.wish).toEqual({
      pct: 10,
      part: "base",
      text: "10% more base",
      than: "offer",
    });
    expect(read("a 15 percent bump on the stock")?.wish).toMatchObject({ pct: 15, part: "stock" });
    expect(read("can I get 12.5% more total comp")?.wish).toMatchObject({ pct: 12.5, part: "total" });
    expect(read("20% more than the offer on base")?.wish).toMatchObject({ pct: 20, part: "base" });
    expect(read("base 150k, I want 20% more")?.text).toBe("base 150k, I want  , ");
    // A bonus named: said so, since a bonus is already a percentage.
    expect(read("10% more bonus")).toMatchObject({ wish: { part: null }, bonus: true });
  });

  it("more than pay now: 'than I make', 'than my current salary'", () => {
    expect(read("20% more than I make now")?.wish).toMatchObject({
      pct: 20,
      than: "now",
      text: "20% more than I make now",
    });
    expect(read("25% more than my current salary")?.wish).toMatchObject({ than: "now" });
    expect(read("10% more than what I'm on")?.wish).toMatchObject({ than: "now" });
    expect(read("10% more than they offered on base")?.wish).toMatchObject({ than: "offer", part: "base" });
  });

  it("is not a percentage of anything else: a bonus, more than something else, a share of something", () => {
    expect(read("base 150k, bonus 20%")).toBeNull();
    expect(read("20% more than last year")).toBeNull();
    expect(read("20% of base")).toBeNull();
    expect(read("a 20% raise")?.wish).toMatchObject({ pct: 20 });
  });
});

describe("relativeFigures", () => {
  const made = (wishText: string, offerText: string) =>
    relativeFigures(read(wishText)!, parseOffer(offerText));

  it("the part named, or the offer's one part in money, × (1 + share)", () => {
    // £150K × 1.2 = £180K
    expect(made("20% more", "base £150k")).toMatchObject({
      wish: {
        base: { amount: 180000, high: 180000, currency: "GBP" },
        relative: { pct: 20, component: "base", from: 150000 },
      },
    });
    // 100k × 1.15 = 115k; the grant keeps the offer's vesting.
    expect(made("15% more stock", "base 150k, stock 100k vest 3y")).toMatchObject({
      wish: { stock: { amount: 115000 }, base: null, vestYears: 3, vestGiven: true },
    });
    // 150-170k × 1.1 = 165-187k
    expect(made("10% more base", "base 150-170k")).toMatchObject({
      wish: { base: { amount: 165000, high: 187000 } },
    });
  });

  it("asks when it cannot be made: several parts and none named, none in money, the part not given, a bonus", () => {
    expect(made("20% more", "base 150k stock 100k")).toEqual({
      unreadable: {
        text: "20% more",
        suggestion: null,
        hint: "More of which part? Name it, e.g. 20% more base.",
      },
    });
    expect(made("20% more", "bonus 10%")).toMatchObject({
      unreadable: {
        hint: "More than what? Say the part and the figure it is more than, e.g. base 150k, 20% more base.",
      },
    });
    expect(made("20% more stock", "base 150k")).toMatchObject({
      unreadable: {
        hint: "The stock is not among the figures given: add it, e.g. stock 150k, 20% more stock.",
      },
    });
    expect(made("10% more bonus", "base 150k")).toMatchObject({
      unreadable: { hint: expect.stringMatching(/^A bonus is already a percentage/) },
    });
  });
});
